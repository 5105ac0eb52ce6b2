-- Partial updates of customs declarations, their delivery (an outbox-style record written in the same
-- transaction) and every try at it; and the last known state of each declaration.

CREATE TABLE declaration_update (
    id              uuid PRIMARY KEY,
    sequence        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    declaration_id  text        NOT NULL,
    target          text        NOT NULL,
    target_server   text        NOT NULL,
    body            json        NOT NULL, -- json, not jsonb: exactly as sent (field order, number form)
    fields          text[]      NOT NULL,
    warnings        jsonb       NOT NULL,
    requested_by    text        NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX declaration_update_history ON declaration_update (declaration_id, target, sequence);

CREATE TABLE delivery (
    update_id        uuid PRIMARY KEY REFERENCES declaration_update (id),
    status           text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    leased_until     timestamptz,
    upstream_status  int,
    failure_reason   text,
    changed_fields   text[],
    delivered_at     timestamptz,
    updated_at       timestamptz NOT NULL
);
-- The worker's question: which pending deliveries are due.
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_status ON delivery (status, updated_at);

CREATE TABLE delivery_attempt (
    update_id    uuid        NOT NULL REFERENCES declaration_update (id),
    attempt      int         NOT NULL,
    at           timestamptz NOT NULL,
    duration_ms  bigint      NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('DELIVERED', 'REJECTED', 'RETRYABLE')),
    http_status  int,
    detail       text,
    PRIMARY KEY (update_id, attempt)
);

CREATE TABLE declaration_state (
    declaration_id     text        NOT NULL,
    target             text        NOT NULL,
    fields             jsonb       NOT NULL,
    updates_delivered  int         NOT NULL,
    last_update_id     uuid        NOT NULL REFERENCES declaration_update (id),
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (declaration_id, target)
);

-- Collections Köprü started on FlexCity. The row (with our transaction number) exists before the upstream is
-- called, so no booking can happen that we do not know about.
CREATE TABLE collection (
    id                     uuid PRIMARY KEY,
    institution            text          NOT NULL,
    desk_id                bigint        NOT NULL,
    transaction_number     text          NOT NULL UNIQUE,
    invoice_number         text          NOT NULL,
    declaration_id         bigint        NOT NULL,
    amount                 numeric(14, 2) NOT NULL,
    -- The day the customer paid (Europe/Istanbul), sent as tahsilTarihi so a late booking adds no surcharge.
    collection_date        date          NOT NULL,
    channel                text          NOT NULL,
    state                  text          NOT NULL,
    upstream_collection_id bigint,
    receipt_serial         text,
    receipt_number         text,
    collected_at           timestamptz,
    cancelled_at           timestamptz,
    result_code            text,
    result_reason          text,
    resolve_attempts       integer       NOT NULL DEFAULT 0,
    next_resolve_at        timestamptz,
    requested_by           text          NOT NULL,
    idempotency_key        text,
    request_fingerprint    text,
    standing_instruction_id uuid,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL
);

-- One in-flight collection per invoice: a second one cannot start while the first one's outcome is open.
CREATE UNIQUE INDEX collection_invoice_in_flight ON collection (institution, invoice_number)
    WHERE state IN ('PENDING', 'UNKNOWN');
-- An Idempotency-Key is the caller's: the same key from the same caller is the same collection.
CREATE UNIQUE INDEX collection_idempotency ON collection (requested_by, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX collection_to_resolve ON collection (next_resolve_at) WHERE state IN ('PENDING', 'UNKNOWN');
CREATE INDEX collection_by_day ON collection (institution, desk_id, collection_date);
CREATE INDEX collection_by_invoice ON collection (institution, invoice_number);
CREATE INDEX collection_created ON collection (created_at DESC, id);

-- Every state change of a collection, in order: what an operator reads when a collection is questioned.
CREATE TABLE collection_transition (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    collection_id uuid        NOT NULL REFERENCES collection (id),
    from_state    text,
    to_state      text        NOT NULL,
    at            timestamptz NOT NULL,
    reason        text
);
CREATE INDEX collection_transition_of ON collection_transition (collection_id, id);

-- Invoices known to be paid through another channel (FlexCity answered 0530): nothing collects them again.
CREATE TABLE settled_invoice (
    institution    text        NOT NULL,
    invoice_number text        NOT NULL,
    settled_at     timestamptz NOT NULL,
    reason         text        NOT NULL,
    PRIMARY KEY (institution, invoice_number)
);

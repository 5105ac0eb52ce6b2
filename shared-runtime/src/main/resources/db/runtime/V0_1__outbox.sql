-- The transactional outbox: a service writes its events here in the same transaction as its business change;
-- the relay publishes them in position order and stamps published_at only after the broker's acknowledgement.
CREATE TABLE outbox_event (
    id           uuid PRIMARY KEY,
    position     bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    topic        text        NOT NULL,
    record_key   text        NOT NULL,
    event_type   text        NOT NULL,
    data_schema  text,
    payload      text        NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);

CREATE INDEX outbox_event_pending ON outbox_event (position) WHERE published_at IS NULL;

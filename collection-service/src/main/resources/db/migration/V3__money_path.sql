-- Every outcome of a collection settles from FlexCity's own records: cancelling is two-phase (CANCELLING, then
-- CANCELLED, back to COLLECTED, or CANCEL_UNKNOWN), "not found" is proof only after a settle window, and what the
-- service cannot settle by itself is marked for an operator.
ALTER TABLE collection ADD COLUMN needs_operator    boolean NOT NULL DEFAULT false;
-- How often FlexCity answered "not found" for our transaction number while the outcome was open.
ALTER TABLE collection ADD COLUMN not_found_answers integer NOT NULL DEFAULT 0;
-- The first answer to a request with an Idempotency-Key, replayed as it was to a retry with the same key.
ALTER TABLE collection ADD COLUMN answer_status     integer;
ALTER TABLE collection ADD COLUMN answer_body       text;

-- A collection refused before anything was sent (NOT_SENT) is not its Idempotency-Key's result: a retry with the
-- same key starts a new one.
DROP INDEX collection_idempotency;
CREATE UNIQUE INDEX collection_idempotency ON collection (requested_by, idempotency_key)
    WHERE idempotency_key IS NOT NULL AND result_code IS DISTINCT FROM 'NOT_SENT';

DROP INDEX collection_to_resolve;
CREATE INDEX collection_to_resolve ON collection (next_resolve_at)
    WHERE state IN ('PENDING', 'UNKNOWN', 'CANCELLING', 'CANCEL_UNKNOWN');
CREATE INDEX collection_needs_operator ON collection (updated_at) WHERE needs_operator;

-- Who moved a collection: null for the service itself, else the operator (or API caller) who acted, and why.
ALTER TABLE collection_transition ADD COLUMN actor text;

-- Receipts at our desks that carry a transaction number of ours we do not know: found by the day-end sweep, shown
-- to operators.
CREATE TABLE sweep_anomaly (
    institution            text           NOT NULL,
    desk_id                bigint         NOT NULL,
    collection_date        date           NOT NULL,
    transaction_number     text           NOT NULL,
    upstream_collection_id bigint         NOT NULL,
    receipt_serial         text,
    receipt_number         text,
    amount                 numeric(14, 2),
    found_at               timestamptz    NOT NULL,
    PRIMARY KEY (institution, upstream_collection_id)
);


-- Our side of every collection: built from payment-made and payment-cancelled events, in whatever order they come.
-- A cancellation that arrives first creates the entry; its payment completes it later. The business day is the
-- collection date (Europe/Istanbul).
CREATE TABLE ledger_entry (
    institution            text           NOT NULL,
    desk_id                bigint         NOT NULL,
    transaction_number     text           NOT NULL,
    upstream_collection_id bigint         NOT NULL,
    invoice_number         text,
    declaration_id         bigint,
    amount                 numeric(14, 2) NOT NULL,
    collection_date        date           NOT NULL,
    paid                   boolean        NOT NULL DEFAULT false,
    cancelled              boolean        NOT NULL DEFAULT false,
    collected_at           timestamptz,
    cancelled_at           timestamptz,
    receipt_serial         text,
    receipt_number         text,
    channel                text,
    updated_at             timestamptz    NOT NULL,
    PRIMARY KEY (institution, desk_id, transaction_number)
);
CREATE INDEX ledger_entry_day ON ledger_entry (institution, desk_id, collection_date);

-- Days that have been reconciled, and whether an event arrived for them since (stale: re-run automatically).
CREATE TABLE reconciled_day (
    institution  text        NOT NULL,
    desk_id      bigint      NOT NULL,
    day          date        NOT NULL,
    last_run_id  bigint      NOT NULL,
    stale        boolean     NOT NULL DEFAULT false,
    stale_since  timestamptz,
    PRIMARY KEY (institution, desk_id, day)
);
CREATE INDEX reconciled_day_stale ON reconciled_day (stale_since) WHERE stale;

-- Every (non-dry) run, versioned per desk and day: re-running a day keeps the earlier runs.
CREATE TABLE reconciliation_run (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    institution              text           NOT NULL,
    desk_id                  bigint         NOT NULL,
    day                      date           NOT NULL,
    version                  integer        NOT NULL,
    trigger                  text           NOT NULL,
    result                   text           NOT NULL,
    started_at               timestamptz    NOT NULL,
    finished_at              timestamptz    NOT NULL,
    our_collected_amount     numeric(14, 2) NOT NULL,
    our_collected_count      bigint         NOT NULL,
    our_cancelled_amount     numeric(14, 2) NOT NULL,
    our_cancelled_count      bigint         NOT NULL,
    their_collected_amount   numeric(14, 2),
    their_collected_count    bigint,
    their_cancelled_amount   numeric(14, 2),
    their_cancelled_count    bigint,
    receipts_compared        boolean        NOT NULL,
    discrepancy_count        integer        NOT NULL,
    error                    text,
    UNIQUE (institution, desk_id, day, version)
);
CREATE INDEX reconciliation_run_desk_day ON reconciliation_run (institution, desk_id, day DESC, version DESC);

CREATE TABLE discrepancy (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id                 bigint         NOT NULL REFERENCES reconciliation_run (id),
    category               text           NOT NULL,
    transaction_number     text,
    upstream_collection_id bigint,
    invoice_number         text,
    our_amount             numeric(14, 2),
    their_amount           numeric(14, 2),
    our_status             text,
    their_status           text,
    detail                 text           NOT NULL
);
CREATE INDEX discrepancy_run ON discrepancy (run_id, id);

-- Auto-pay instructions: scan a declaration's debts every 5 or 10 days, announce new invoices, optionally pay them.
CREATE TABLE standing_instruction (
    id               uuid PRIMARY KEY,
    institution      text        NOT NULL,
    declaration_id   bigint      NOT NULL,
    taxpayer_id      bigint,
    subscriber_no    text,
    region_id        text,
    scan_every_days  integer     NOT NULL CHECK (scan_every_days IN (5, 10)),
    auto_collect     boolean     NOT NULL,
    status           text        NOT NULL,
    next_scan_on     date        NOT NULL,
    last_scanned_at  timestamptz,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
-- One live instruction per declaration; deleted ones stay for the record.
CREATE UNIQUE INDEX standing_instruction_declaration ON standing_instruction (institution, declaration_id)
    WHERE status <> 'DELETED';
CREATE INDEX standing_instruction_due ON standing_instruction (institution, next_scan_on) WHERE status = 'ACTIVE';
CREATE INDEX standing_instruction_taxpayer ON standing_instruction (institution, taxpayer_id);

-- Every unpaid invoice a scan found, once: an invoice found again is not announced again.
CREATE TABLE found_debt (
    institution             text           NOT NULL,
    invoice_number          text           NOT NULL,
    declaration_id          bigint         NOT NULL,
    taxpayer_id             bigint,
    due_date                date,
    debt                    numeric(14, 2) NOT NULL,
    late_surcharge          numeric(14, 2) NOT NULL,
    total                   numeric(14, 2) NOT NULL,
    standing_instruction_id uuid,
    scan_run_id             bigint,
    found_at                timestamptz    NOT NULL,
    PRIMARY KEY (institution, invoice_number)
);
CREATE INDEX found_debt_declaration ON found_debt (institution, declaration_id);

-- Scans of standing instructions, with their progress while they run.
CREATE TABLE scan_run (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger               text        NOT NULL,
    status                text        NOT NULL,
    started_at            timestamptz NOT NULL,
    finished_at           timestamptz,
    instructions_total    bigint      NOT NULL DEFAULT 0,
    instructions_scanned  bigint      NOT NULL DEFAULT 0,
    invoices_seen         bigint      NOT NULL DEFAULT 0,
    debts_found           bigint      NOT NULL DEFAULT 0,
    collections_started   bigint      NOT NULL DEFAULT 0,
    collections_failed    bigint      NOT NULL DEFAULT 0,
    failed_batches        bigint      NOT NULL DEFAULT 0,
    error                 text
);

-- Taxpayer merges already applied to instructions and found debts (FindALLSbsBirlesenMuhatapBilgileri...).
CREATE TABLE applied_merge (
    institution      text        NOT NULL,
    old_taxpayer_id  bigint      NOT NULL,
    new_taxpayer_id  bigint      NOT NULL,
    declaration_id   bigint      NOT NULL DEFAULT 0,
    merged_on        date,
    status           text,
    instructions     integer     NOT NULL,
    applied_at       timestamptz NOT NULL,
    PRIMARY KEY (institution, old_taxpayer_id, new_taxpayer_id, declaration_id)
);

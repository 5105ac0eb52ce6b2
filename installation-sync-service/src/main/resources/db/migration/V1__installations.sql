-- The mirror of UTTS installation records, one row per installation (vehicleOrderInstallationId).
CREATE TABLE installation (
    installation_id           bigint PRIMARY KEY,
    installation_code         text        NOT NULL,
    licence_plate             text        NOT NULL,
    status                    text        NOT NULL,
    status_id                 integer     NOT NULL,
    product                   text,
    service_company           text,
    service_name              text,
    owner_name                text,
    owner_tax_number          text,
    owner_tax_office          text,
    owner_city                text,
    owner_district            text,
    sale_price_incl_vat       numeric(14, 2),
    sale_price_excl_vat       numeric(14, 2),
    activated_at              timestamptz,
    upstream_last_modified_at timestamptz NOT NULL,
    utts_account              text        NOT NULL,
    reference_number          text,
    technician                text,
    driver_email              text,
    driver_phone              text,
    content_hash              text        NOT NULL,
    first_seen_at             timestamptz NOT NULL,
    last_changed_at           timestamptz NOT NULL,
    last_seen_run             bigint      NOT NULL
);

CREATE INDEX installation_code_idx ON installation (installation_code);
CREATE INDEX installation_plate_idx ON installation (licence_plate);
CREATE INDEX installation_owner_tax_idx ON installation (owner_tax_number);
CREATE INDEX installation_last_changed_idx ON installation (last_changed_at DESC, installation_id DESC);

-- Every sync of one UTTS account, with its counters updated page by page while it runs.
CREATE TABLE sync_run (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    utts_account  text        NOT NULL,
    trigger       text        NOT NULL,
    status        text        NOT NULL,
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    pages         integer     NOT NULL DEFAULT 0,
    total_pages   integer,
    records_seen  bigint      NOT NULL DEFAULT 0,
    new_records   bigint      NOT NULL DEFAULT 0,
    changed       bigint      NOT NULL DEFAULT 0,
    unchanged     bigint      NOT NULL DEFAULT 0,
    rejected      bigint      NOT NULL DEFAULT 0,
    error         text
);

CREATE INDEX sync_run_account_idx ON sync_run (utts_account, started_at DESC);

-- What changed in an installation, per sync.
CREATE TABLE installation_change (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    installation_id  bigint      NOT NULL REFERENCES installation (installation_id),
    run_id           bigint      NOT NULL REFERENCES sync_run (id),
    changed_at       timestamptz NOT NULL,
    changed_fields   text[]      NOT NULL,
    previous_status  text,
    status           text        NOT NULL
);

CREATE INDEX installation_change_installation_idx ON installation_change (installation_id, id);

-- Records that could not be read, kept as received (personal data included, like the mirror itself) for inspection.
CREATE TABLE rejected_record (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id       bigint      NOT NULL REFERENCES sync_run (id),
    utts_account text        NOT NULL,
    page         integer     NOT NULL,
    reason       text        NOT NULL,
    raw          jsonb       NOT NULL,
    rejected_at  timestamptz NOT NULL
);

-- What the fixture consumer records of each payment-made event it applies.
CREATE TABLE fixture_payment (
    transaction_number text PRIMARY KEY,
    amount             numeric(14, 2) NOT NULL,
    event_id           uuid NOT NULL
);

-- What the fixture REST resource stores.
CREATE TABLE fixture_order (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_number text NOT NULL UNIQUE,
    amount         numeric(14, 2) NOT NULL,
    channel        text NOT NULL
);

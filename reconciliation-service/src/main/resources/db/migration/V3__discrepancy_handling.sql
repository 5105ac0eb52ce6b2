-- What operators did about a discrepancy: acknowledged it (seen, being looked into) or resolved it, with a note, who
-- and when. Rows are only added; a discrepancy's latest row is its state, and a resolved one takes no more.
CREATE TABLE discrepancy_handling (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    discrepancy_id bigint      NOT NULL REFERENCES discrepancy (id),
    status         text        NOT NULL CHECK (status IN ('ACKNOWLEDGED', 'RESOLVED')),
    note           text        NOT NULL,
    actor          text        NOT NULL,
    at             timestamptz NOT NULL
);
CREATE INDEX discrepancy_handling_latest ON discrepancy_handling (discrepancy_id, id DESC);

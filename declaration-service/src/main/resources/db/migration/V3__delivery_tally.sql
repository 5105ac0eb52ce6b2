-- Deliveries counted by status, kept by the database itself as rows change (see tr.kopru.runtime.db.Tally): a
-- listing's total sums a few rows instead of counting every update. DeliveryTally folds the rows now and then.
CREATE TABLE delivery_tally (
    status      text   NOT NULL,
    deliveries  bigint NOT NULL
);
CREATE INDEX delivery_tally_status ON delivery_tally (status);

CREATE FUNCTION delivery_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO delivery_tally (status, deliveries) SELECT status, count(*) FROM new_rows GROUP BY 1;
    RETURN NULL;
END $$;

CREATE FUNCTION delivery_tally_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO delivery_tally (status, deliveries)
    SELECT status, sum(n) FROM (SELECT status, -1 AS n FROM old_rows UNION ALL SELECT status, 1 FROM new_rows) moved
    GROUP BY 1 HAVING sum(n) <> 0;
    RETURN NULL;
END $$;

CREATE FUNCTION delivery_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO delivery_tally (status, deliveries) SELECT status, -count(*) FROM old_rows GROUP BY 1;
    RETURN NULL;
END $$;

CREATE TRIGGER delivery_tally_insert AFTER INSERT ON delivery REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION delivery_tally_inserted();
CREATE TRIGGER delivery_tally_update AFTER UPDATE ON delivery REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION delivery_tally_updated();
CREATE TRIGGER delivery_tally_delete AFTER DELETE ON delivery REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION delivery_tally_deleted();

INSERT INTO delivery_tally (status, deliveries) SELECT status, count(*) FROM delivery GROUP BY 1;

-- Collections counted by institution, state and collection day, kept by the database itself as rows change (see
-- tr.kopru.runtime.db.Tally): the summary and a listing's total without an invoice filter sum a few thousand rows
-- instead of counting a million collections. Every statement that inserts, updates or deletes collections appends
-- what it changed, grouped; CollectionTally folds the rows now and then.
CREATE TABLE collection_tally (
    institution      text   NOT NULL,
    state            text   NOT NULL,
    collection_date  date   NOT NULL,
    collections      bigint NOT NULL
);
CREATE INDEX collection_tally_key ON collection_tally (institution, state, collection_date);

CREATE FUNCTION collection_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO collection_tally (institution, state, collection_date, collections)
    SELECT institution, state, collection_date, count(*) FROM new_rows GROUP BY 1, 2, 3;
    RETURN NULL;
END $$;

CREATE FUNCTION collection_tally_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO collection_tally (institution, state, collection_date, collections)
    SELECT institution, state, collection_date, sum(n) FROM (
        SELECT institution, state, collection_date, -1 AS n FROM old_rows
        UNION ALL
        SELECT institution, state, collection_date, 1 FROM new_rows) moved
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
    RETURN NULL;
END $$;

CREATE FUNCTION collection_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO collection_tally (institution, state, collection_date, collections)
    SELECT institution, state, collection_date, -count(*) FROM old_rows GROUP BY 1, 2, 3;
    RETURN NULL;
END $$;

CREATE TRIGGER collection_tally_insert AFTER INSERT ON collection REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION collection_tally_inserted();
CREATE TRIGGER collection_tally_update AFTER UPDATE ON collection
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION collection_tally_updated();
CREATE TRIGGER collection_tally_delete AFTER DELETE ON collection REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION collection_tally_deleted();

INSERT INTO collection_tally (institution, state, collection_date, collections)
SELECT institution, state, collection_date, count(*) FROM collection GROUP BY 1, 2, 3;

-- An instruction's auto-pay attempts (GET /api/v1/standing-instructions/{id}/payments, and their count) read every
-- collection without it.
CREATE INDEX collection_of_instruction ON collection (standing_instruction_id, created_at DESC)
    WHERE standing_instruction_id IS NOT NULL;

-- A listing by invoice number alone (GET /api/v1/collections?invoice_number=) could not use the index that leads
-- with the institution, and read every collection.
CREATE INDEX collection_invoice ON collection (invoice_number);

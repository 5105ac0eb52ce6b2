-- The mirror's counts by status and service company, kept by the database itself as the rows change, so that the
-- summary and an unfiltered (or status / service company) listing's total need not count two million rows. Each
-- statement that inserts, updates or deletes installations appends what it changed, grouped (a page of a thousand
-- adds a handful of rows): appends never wait for one another, so pages written at the same time do not queue on a
-- shared counter. A count is the sum of its rows; InstallationTally folds them together now and then.
CREATE TABLE installation_tally (
    status           text   NOT NULL,
    service_company  text   NOT NULL,
    installations    bigint NOT NULL
);
CREATE INDEX installation_tally_status ON installation_tally (status, service_company);

CREATE FUNCTION installation_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO installation_tally (status, service_company, installations)
    SELECT status, coalesce(service_company, ''), count(*) FROM new_rows GROUP BY 1, 2;
    RETURN NULL;
END $$;

CREATE FUNCTION installation_tally_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO installation_tally (status, service_company, installations)
    SELECT status, company, sum(n) FROM (
        SELECT status, coalesce(service_company, '') AS company, -1 AS n FROM old_rows
        UNION ALL
        SELECT status, coalesce(service_company, ''), 1 FROM new_rows) moved
    GROUP BY 1, 2 HAVING sum(n) <> 0;
    RETURN NULL;
END $$;

CREATE FUNCTION installation_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO installation_tally (status, service_company, installations)
    SELECT status, coalesce(service_company, ''), -count(*) FROM old_rows GROUP BY 1, 2;
    RETURN NULL;
END $$;

CREATE TRIGGER installation_tally_insert AFTER INSERT ON installation REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION installation_tally_inserted();
CREATE TRIGGER installation_tally_update AFTER UPDATE ON installation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION installation_tally_updated();
CREATE TRIGGER installation_tally_delete AFTER DELETE ON installation REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION installation_tally_deleted();

INSERT INTO installation_tally (status, service_company, installations)
SELECT status, coalesce(service_company, ''), count(*) FROM installation GROUP BY 1, 2;

-- An activation-date filter's count read the whole mirror; only activated installations have a date.
CREATE INDEX installation_activated_idx ON installation (activated_at) WHERE activated_at IS NOT NULL;

-- A sync reads the UTTS listing again where it shifted while being paged (records inserted or removed meanwhile):
-- how many passes a run made. Its pages count every page read, in every pass; records_seen counts each record once.
ALTER TABLE sync_run ADD COLUMN passes integer NOT NULL DEFAULT 1;

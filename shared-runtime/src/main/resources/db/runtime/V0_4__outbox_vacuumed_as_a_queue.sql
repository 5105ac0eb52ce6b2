-- The outbox is a queue: every row is inserted, read once and deleted. With the default autovacuum thresholds (a
-- fifth of the table) a burst of tens of thousands of events leaves as many dead rows: the relay's ordered read walks
-- over them at the head of the index, the pending count scans them all, and the planner, working from the empty
-- table's statistics, reads the whole table for every batch. Vacuumed and analysed after every few thousand changes
-- and without throttling, the table stays as small as its backlog.
ALTER TABLE outbox_event SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 5000,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0
);

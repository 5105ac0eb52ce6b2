-- The outbox holds only what is still to be sent: the relay deletes a row once the broker has acknowledged it (Kafka
-- keeps the event from then on). The table stays small whatever the traffic, and an event costs one insert, one
-- delete and one index entry instead of an insert, an update and three indexes.
DELETE FROM outbox_event WHERE published_at IS NOT NULL;
DROP INDEX outbox_event_pending;
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_pkey;
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_position_key;
ALTER TABLE outbox_event ADD PRIMARY KEY (position);
ALTER TABLE outbox_event DROP COLUMN published_at;

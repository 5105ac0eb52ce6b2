-- A commit that adds events wakes the relay at once (NOTIFY is delivered at commit, once per transaction and
-- channel): events leave within milliseconds and in small steady batches, instead of waiting for the next poll and
-- leaving all together, a burst that every consumer and the broker then take at the same moment. Every service's
-- schema lives in one database, so the channel is named after the schema.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_' || TG_TABLE_SCHEMA, '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();

-- The trace context of the change that wrote an event (W3C traceparent), so that its publication and its consumers
-- continue the change's trace; null for a change made outside any trace.
ALTER TABLE outbox_event ADD COLUMN traceparent text;

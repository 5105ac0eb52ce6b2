package tr.kopru.runtime.outbox;

/**
 * One event ready to be written to the outbox: where it goes, its key, type, schema and JSON, and the trace context
 * of the change it announces ({@code traceparent}, null outside a trace). The JSON is kept as the UTF-8 bytes Kafka
 * will carry: written once by Jackson, it goes to PostgreSQL and on to Kafka without being decoded and encoded again.
 */
public record OutboxMessage(String topic, String key, String eventType, String dataSchema, byte[] payload,
                            String traceparent) {
}

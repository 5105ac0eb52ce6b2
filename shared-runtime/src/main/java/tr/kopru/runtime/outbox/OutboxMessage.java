package tr.kopru.runtime.outbox;

/** One event ready to be written to the outbox: where it goes, its key, type, schema and JSON. */
public record OutboxMessage(String topic, String key, String eventType, String dataSchema, String payloadJson) {
}

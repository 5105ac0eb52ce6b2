package tr.kopru.testsupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import tr.kopru.model.event.CloudEventHeaders;
import tr.kopru.model.event.EventIds;
import tr.kopru.model.event.EventType;
import tr.kopru.model.json.ContractJson;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes contract events the way another service's outbox relay does (CloudEvents binary mode), so a consumer's
 * tests can feed it events, redeliver one (same id), or send them out of order.
 */
public final class ContractEvents implements AutoCloseable {

    /**
     * One event to send; {@code id} is its ce_id (send the same id twice for a redelivery), {@code traceparent} the
     * W3C trace context it carries, or null.
     */
    public record Event(UUID id, EventType type, String key, Record payload, String traceparent) {

        public static Event of(EventType type, String key, Record payload) {
            return new Event(EventIds.next(), type, key, payload, null);
        }

        /** The same event sent in the trace {@code traceparent} names. */
        public Event inTrace(String traceparent) {
            return new Event(id, type, key, payload, traceparent);
        }
    }

    private final KafkaProducer<String, String> producer;

    public ContractEvents(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** Sends the events in order and waits until the broker has them all. */
    public void send(List<Event> events) {
        try {
            for (Event event : events) {
                producer.send(record(event));
            }
            producer.flush();
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not publish test events", e);
        }
    }

    public void send(Event... events) {
        send(List.of(events));
    }

    private static ProducerRecord<String, String> record(Event event) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(event.id().toString(), event.type().type(), "/kopru/tests", event.key(),
                        Instant.now().toString(), event.type().dataSchema())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        if (event.traceparent() != null) {
            headers.add(CloudEventHeaders.TRACEPARENT, event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        try {
            return new ProducerRecord<>(event.type().defaultTopic(), null, event.key(),
                    ContractJson.mapper().writeValueAsString(event.payload()), headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

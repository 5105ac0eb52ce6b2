package tr.kopru.runtime.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * Writes events into the outbox. Call it inside the reactive transaction that makes the business change, so that
 * the change and its event commit together or not at all.
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    /**
     * Appends one event.
     *
     * @param topic     the Kafka topic it leaves on
     * @param key       the record key: the aggregate id, so one aggregate's events stay in order
     * @param eventType the CloudEvent type, for example {@code tr.kopru.installation.recorded.v1}
     * @param subject   the aggregate id as the CloudEvent subject; never personal data
     * @param payload   the event's JSON
     */
    public Uni<OutboxEvent> append(String topic, String key, String eventType, String subject, String payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.recordKey = key;
        event.eventType = eventType;
        event.subject = subject;
        event.payload = payload;
        event.createdAt = clock.instant();
        return event.persist();
    }
}

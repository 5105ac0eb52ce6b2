package tr.kopru.runtime.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.model.event.EventType;
import tr.kopru.model.json.ContractJson;
import tr.kopru.runtime.messaging.TopicNames;

import java.time.Clock;
import java.util.UUID;

/**
 * Writes events into the outbox. Call it inside the reactive transaction that makes the business change, so that
 * the change and its event commit together or not at all.
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;
    private final TopicNames topics;

    public Outbox(Clock clock, TopicNames topics) {
        this.clock = clock;
        this.topics = topics;
    }

    /**
     * Appends an event of the public contract.
     *
     * @param aggregateId the record key and CloudEvent subject: one aggregate's events stay in order; never personal
     *                    data
     */
    public Uni<OutboxEvent> append(EventType type, String aggregateId, Record payload) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payloadType().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        try {
            String json = ContractJson.mapper().writeValueAsString(payload);
            return append(topics.resolve(type.defaultTopic()), aggregateId, type.type(), type.dataSchema(), json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + type.type() + " as JSON", e);
        }
    }

    /** Appends any JSON event to any topic; {@link #append(EventType, String, Record)} is the way for contract events. */
    public Uni<OutboxEvent> append(String topic, String key, String eventType, String dataSchema, String payloadJson) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.recordKey = key;
        event.eventType = eventType;
        event.dataSchema = dataSchema;
        event.payload = payloadJson;
        event.createdAt = clock.instant();
        return event.persist();
    }
}

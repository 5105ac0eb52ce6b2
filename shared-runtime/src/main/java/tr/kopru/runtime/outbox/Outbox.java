package tr.kopru.runtime.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.model.event.EventIds;
import tr.kopru.model.event.EventType;
import tr.kopru.model.json.ContractJson;
import tr.kopru.runtime.db.SqlTimes;
import tr.kopru.runtime.messaging.TopicNames;
import tr.kopru.runtime.tracing.TraceContext;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Writes events into the outbox. Call it inside the reactive transaction that makes the business change, so that
 * the change and its event commit together or not at all. Each event keeps the trace context current when its
 * message was made (see {@link TraceContext}).
 */
@ApplicationScoped
public class Outbox {

    private static final String COLUMNS =
            "id, topic, record_key, event_type, data_schema, payload, created_at, traceparent";

    private final Clock clock;
    private final TopicNames topics;

    public Outbox(Clock clock, TopicNames topics) {
        this.clock = clock;
        this.topics = topics;
    }

    /**
     * Appends an event of the public contract in the current Panache transaction.
     *
     * @param aggregateId the record key and CloudEvent subject: one aggregate's events stay in order; never personal
     *                    data
     */
    public Uni<OutboxEvent> append(EventType type, String aggregateId, Record payload) {
        OutboxMessage message = message(type, aggregateId, payload);
        return append(message.topic(), message.key(), message.eventType(), message.dataSchema(),
                new String(message.payload(), StandardCharsets.UTF_8), message.traceparent());
    }

    /** Appends any JSON event to any topic; {@link #append(EventType, String, Record)} is the way for contract events. */
    public Uni<OutboxEvent> append(String topic, String key, String eventType, String dataSchema, String payloadJson) {
        return append(topic, key, eventType, dataSchema, payloadJson, TraceContext.current());
    }

    private Uni<OutboxEvent> append(String topic, String key, String eventType, String dataSchema, String payloadJson,
                                    String traceparent) {
        OutboxEvent event = new OutboxEvent();
        event.id = EventIds.next();
        event.topic = topic;
        event.recordKey = key;
        event.eventType = eventType;
        event.dataSchema = dataSchema;
        event.payload = payloadJson;
        event.createdAt = clock.instant();
        event.traceparent = traceparent;
        return event.persist();
    }

    /** An event of the public contract, ready for {@link #appendAll}. */
    public OutboxMessage message(EventType type, String aggregateId, Record payload) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payloadType().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        try {
            return new OutboxMessage(topics.resolve(type.defaultTopic()), aggregateId, type.type(), type.dataSchema(),
                    ContractJson.mapper().writeValueAsBytes(payload), TraceContext.current());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + type.type() + " as JSON", e);
        }
    }

    /**
     * Appends an event in the very statement that makes the change it announces, so that the two need no transaction
     * (one round trip instead of four). {@code with} is a {@code WITH} clause of data-modifying queries with the
     * parameters {@code parameters}; one of them, {@code changed}, returns the rows changed. The event is written
     * only if it returned one, and the answer says whether it did.
     */
    public Uni<Boolean> appendWith(SqlClient client, String with, String changed, Tuple parameters,
                                   OutboxMessage message) {
        int p = parameters.size();
        String values = String.format("$%d, $%d, $%d, $%d, $%d, convert_from($%d, 'UTF8'), $%d, $%d",
                p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8);
        parameters.addUUID(EventIds.next()).addString(message.topic()).addString(message.key())
                .addString(message.eventType()).addString(message.dataSchema())
                .addValue(Buffer.buffer(message.payload()))
                .addOffsetDateTime(SqlTimes.offset(clock.instant()))
                .addString(message.traceparent());
        return client.preparedQuery(with + " INSERT INTO outbox_event (" + COLUMNS + ") SELECT " + values + " FROM "
                        + changed + " LIMIT 1")
                .execute(parameters)
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Appends many events in one round trip inside {@code transaction}, the SQL transaction of a service that works
     * with the reactive client directly (bulk work) rather than through Panache.
     */
    public Uni<Void> appendAll(SqlClient transaction, List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = SqlTimes.offset(clock.instant());
        int size = messages.size();
        UUID[] ids = new UUID[size];
        String[] topicNames = new String[size];
        String[] keys = new String[size];
        String[] types = new String[size];
        String[] schemas = new String[size];
        Buffer[] payloads = new Buffer[size];
        String[] traceparents = new String[size];
        for (int i = 0; i < size; i++) {
            OutboxMessage m = messages.get(i);
            ids[i] = EventIds.next();
            topicNames[i] = m.topic();
            keys[i] = m.key();
            types[i] = m.eventType();
            schemas[i] = m.dataSchema();
            payloads[i] = Buffer.buffer(m.payload());
            traceparents[i] = m.traceparent();
        }
        // One statement for the whole list (unnest keeps the order of the arrays, so positions follow the list).
        return transaction.preparedQuery("INSERT INTO outbox_event (" + COLUMNS + ") "
                        + "SELECT id, topic, record_key, event_type, data_schema, convert_from(payload, 'UTF8'), $7, "
                        + "traceparent FROM unnest("
                        + "$1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bytea[], $8::text[]) "
                        + "WITH ORDINALITY AS e(id, topic, record_key, event_type, data_schema, payload, traceparent, "
                        + "n) ORDER BY n")
                .execute(Tuple.from(new Object[] {ids, topicNames, keys, types, schemas, payloads, now, traceparents}))
                .replaceWithVoid();
    }
}

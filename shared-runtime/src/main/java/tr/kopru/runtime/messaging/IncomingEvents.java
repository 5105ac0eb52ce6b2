package tr.kopru.runtime.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import tr.kopru.model.event.CloudEventHeaders;
import tr.kopru.model.event.EventType;
import tr.kopru.model.json.ContractJson;
import tr.kopru.model.time.PlainDateTime;
import tr.kopru.runtime.tracing.TraceContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.DateTimeException;
import java.util.Set;
import java.util.UUID;

/** Reads Kafka records in CloudEvents binary mode into {@link IncomingEvent}s, or says why one is poison. */
@ApplicationScoped
public class IncomingEvents {

    private final EventSchemas schemas;

    public IncomingEvents(EventSchemas schemas) {
        this.schemas = schemas;
    }

    /**
     * Reads a record that must be of one of {@code accepted} types.
     *
     * @throws PoisonEventException naming what is wrong
     */
    public IncomingEvent<Record> read(Message<byte[]> message, Set<EventType> accepted) {
        Headers headers = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getHeaders)
                .orElseThrow(() -> new PoisonEventException("not a Kafka record"));
        return read(headers, message.getPayload(), accepted);
    }

    /** Reads one record of a batch: its headers and payload. */
    public IncomingEvent<Record> read(Headers headers, byte[] payload, Set<EventType> accepted) {
        UUID id = parseId(header(headers, CloudEventHeaders.ID));
        String typeName = header(headers, CloudEventHeaders.TYPE);
        EventType type = EventType.fromType(typeName)
                .filter(accepted::contains)
                .orElseThrow(() -> new PoisonEventException("unknown or unexpected event type '" + typeName
                        + "'; this consumer reads " + accepted.stream().map(EventType::type).sorted().toList()));
        JsonNode json = parseJson(payload);
        Set<String> problems = schemas.problems(type, json);
        if (!problems.isEmpty()) {
            throw new PoisonEventException("payload does not match " + type.type() + ": " + String.join("; ", problems));
        }
        try {
            Record value = ContractJson.mapper().treeToValue(json, type.payloadType());
            return new IncomingEvent<>(id, type, header(headers, CloudEventHeaders.SUBJECT),
                    parseTime(header(headers, CloudEventHeaders.TIME)), value, optionalHeader(headers,
                    TraceContext.TRACEPARENT));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("payload does not read as " + type.type() + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parseJson(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new PoisonEventException("empty payload");
        }
        try {
            JsonNode node = ContractJson.mapper().readTree(payload);
            if (node == null || !node.isObject()) {
                throw new PoisonEventException("payload is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("payload is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PoisonEventException("payload is not JSON: " + e.getMessage(), e);
        }
    }

    private static String optionalHeader(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new PoisonEventException("missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("header " + CloudEventHeaders.ID + " is not a UUID: '" + id + "'");
        }
    }

    private static Instant parseTime(String time) {
        try {
            return PlainDateTime.parseInstant(time);
        } catch (DateTimeException e) {
            throw new PoisonEventException("header " + CloudEventHeaders.TIME + " is not an ISO-8601 instant");
        }
    }
}

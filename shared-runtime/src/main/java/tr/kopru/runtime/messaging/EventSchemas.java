package tr.kopru.runtime.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.model.event.EventType;
import tr.kopru.model.json.ContractJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The JSON Schemas shipped in shared-model, loaded once, for checking what arrives on our topics. */
@ApplicationScoped
public class EventSchemas {

    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    public EventSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("The shared-model jar lacks " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(ContractJson.mapper().readTree(in)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What is wrong with {@code payload} as a {@code type}, one message per problem; empty when it is valid. */
    public Set<String> problems(EventType type, JsonNode payload) {
        Set<ValidationMessage> messages = schemas.get(type).validate(payload);
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(TreeSet::new));
    }
}

package tr.kopru.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tr.kopru.model.Money;
import tr.kopru.model.Nullable;
import tr.kopru.model.event.EventType;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Derives the JSON Schema (draft-07, as AsyncAPI 3 reads it) of an event payload from its record: snake_case property names, every
 * component required unless {@link Nullable}, money as a number, instants and dates as formatted strings.
 */
public final class JsonSchemaGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private JsonSchemaGenerator() {
    }

    public static ObjectNode schemaOf(EventType eventType) {
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("$id", eventType.dataSchema());
        schema.put("title", eventType.type());
        schema.put("description", "Payload (ce_type " + eventType.type() + ") on topic " + eventType.defaultTopic());
        schema.setAll(objectSchema(eventType.payloadType()));
        return schema;
    }

    private static ObjectNode objectSchema(Class<?> recordType) {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent component : recordType.getRecordComponents()) {
            String name = SNAKE_CASE.translate(component.getName());
            boolean nullable = component.isAnnotationPresent(Nullable.class);
            properties.set(name, propertySchema(component.getGenericType(), nullable));
            if (!nullable) {
                required.add(name);
            }
        }
        schema.set("required", required);
        return schema;
    }

    private static ObjectNode propertySchema(Type type, boolean nullable) {
        ObjectNode schema = valueSchema(type);
        if (nullable) {
            schema.set("type", JSON.arrayNode().add(schema.get("type").asText()).add("null"));
        }
        return schema;
    }

    private static ObjectNode valueSchema(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            ObjectNode array = JSON.objectNode().put("type", "array");
            array.set("items", valueSchema(parameterized.getActualTypeArguments()[0]));
            return array;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (raw == Money.class) {
            return JSON.objectNode().put("type", "number").put("description", "Turkish lira, two decimal places");
        }
        if (raw == BigDecimal.class) {
            return JSON.objectNode().put("type", "number");
        }
        if (raw == Instant.class) {
            return JSON.objectNode().put("type", "string").put("format", "date-time");
        }
        if (raw == LocalDate.class) {
            return JSON.objectNode().put("type", "string").put("format", "date");
        }
        if (raw.isEnum()) {
            ObjectNode schema = JSON.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(wireName(constant));
            }
            return schema;
        }
        if (raw.isRecord()) {
            return objectSchema(raw);
        }
        throw new IllegalArgumentException("No JSON Schema mapping for " + raw.getName());
    }

    private static String wireName(Object enumConstant) {
        try {
            return ContractJson.mapper().readTree(ContractJson.mapper().writeValueAsString(enumConstant)).asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

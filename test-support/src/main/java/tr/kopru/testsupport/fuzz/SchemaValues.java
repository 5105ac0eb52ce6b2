package tr.kopru.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Values a schema accepts, drawn from a seeded random source, Turkish letters included. */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "çğıöşüÇĞİÖŞÜ";

    private static final String ASCII = LETTERS.substring(0, 62);

    private final Random random;

    SchemaValues(Random random) {
        this.random = random;
    }

    /** The schema's first non-null type: OpenAPI 3.1 lists types, 3.0 names one. */
    static String typeOf(Schema<?> schema) {
        if (schema == null) {
            return "object";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream().filter(type -> !"null".equals(type)).findFirst().orElse("string");
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        return schema.getAllOf() != null || schema.getOneOf() != null || schema.getAnyOf() != null ? "object"
                : "string";
    }

    JsonNode valid(Schema<?> schema) {
        return valid(schema, 0);
    }

    private JsonNode valid(Schema<?> schema, int depth) {
        if (schema == null) {
            return NODES.textNode(text(1, 12));
        }
        Schema<?> chosen = composed(schema);
        if (chosen != schema) {
            return valid(chosen, depth);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            Object value = schema.getEnum().get(random.nextInt(schema.getEnum().size()));
            return value == null ? NODES.nullNode() : NODES.textNode(value.toString());
        }
        return switch (typeOf(schema)) {
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(number(schema));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> array(schema, depth);
            case "object" -> object(schema, depth);
            default -> NODES.textNode(string(schema));
        };
    }

    /** A path, query or header parameter's value, as text. */
    String parameter(Schema<?> schema) {
        JsonNode value = valid(schema);
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private Schema<?> composed(Schema<?> schema) {
        for (List<Schema> options : List.of(nonNull(schema.getAllOf()), nonNull(schema.getOneOf()),
                nonNull(schema.getAnyOf()))) {
            if (!options.isEmpty() && schema.getProperties() == null) {
                return options.get(random.nextInt(options.size()));
            }
        }
        return schema;
    }

    private static List<Schema> nonNull(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }

    private long integer(Schema<?> schema) {
        long min = schema.getMinimum() != null ? schema.getMinimum().longValue() : 0;
        long max = schema.getMaximum() != null ? schema.getMaximum().longValue() : Math.max(min + 100, 100);
        return min + (long) (random.nextDouble() * (max - min));
    }

    private BigDecimal number(Schema<?> schema) {
        long whole = integer(schema);
        return BigDecimal.valueOf(whole).add(BigDecimal.valueOf(random.nextInt(100), 2))
                .max(schema.getMinimum() == null ? BigDecimal.ZERO : schema.getMinimum());
    }

    private String string(Schema<?> schema) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        return switch (format) {
            case "date" -> LocalDate.of(2026, 1, 1).plusDays(random.nextInt(360)).toString();
            case "date-time" -> OffsetDateTime.of(2026, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC)
                    .plusMinutes(random.nextInt(500_000)).toString();
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            default -> {
                int min = schema.getMinLength() == null ? 1 : schema.getMinLength();
                int max = schema.getMaxLength() == null ? Math.max(min, 24) : schema.getMaxLength();
                yield text(min, Math.min(max, min + 64));
            }
        };
    }

    String text(int min, int max) {
        return draw(LETTERS, min, max);
    }

    /** Text a header may carry: HTTP header values are ASCII. */
    String asciiText(int min, int max) {
        return draw(ASCII, min, max);
    }

    private String draw(String letters, int min, int max) {
        int length = min + (max > min ? random.nextInt(max - min + 1) : 0);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(letters.charAt(random.nextInt(letters.length())));
        }
        return text.toString();
    }

    private ArrayNode array(Schema<?> schema, int depth) {
        ArrayNode array = NODES.arrayNode();
        int min = schema.getMinItems() == null ? 1 : schema.getMinItems();
        int count = depth > 3 ? min : min + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            array.add(valid(schema.getItems(), depth + 1));
        }
        return array;
    }

    private ObjectNode object(Schema<?> schema, int depth) {
        ObjectNode object = NODES.objectNode();
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null || depth > 4) {
            return object;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.forEach((name, property) -> {
            if (required.contains(name) || random.nextInt(3) > 0) {
                object.set(name, valid(property, depth + 1));
            }
        });
        return object;
    }
}

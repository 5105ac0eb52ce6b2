package tr.kopru.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a fuzz run does to a valid request: wrong types, missing and extra fields, boundary numbers, huge strings,
 * control characters, Turkish letters, malformed JSON, oversized and deeply nested bodies, and hostile parameters.
 * Parameter values are returned percent-encoded, as they go on the wire.
 */
final class Mutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> BODY = List.of("wrong-type", "missing-field", "null-field", "extra-field",
            "boundary-number", "huge-string", "control-characters", "turkish-letters", "malformed-json",
            "empty-body", "not-an-object", "deep-nesting", "oversized-body", "wrong-content-type");
    static final List<String> PARAMETER = List.of("parameter-wrong-type", "parameter-huge", "parameter-control",
            "parameter-turkish", "parameter-boundary", "unknown-parameter");
    private static final List<JsonNode> BOUNDARY_NUMBERS = List.of(NODES.numberNode(-1), NODES.numberNode(0),
            NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(new BigDecimal("1e308")),
            NODES.numberNode(new BigDecimal("99999999999999999999.999")),
            NODES.numberNode(new BigDecimal("0.001")));
    private static final List<String> ENCODED_HOSTILE = List.of("%00", "a%0Ab", "%FF%FE", "%C3%28", "..%2F..%2Fetc",
            "%E2%80%AE", "%1B%5B31m", "%25", "%7B%7D", "%20");
    private static final List<String> BOUNDARY_PARAMETERS = List.of("-1", "0", "2147483648", "-9223372036854775809",
            "99999999999999999999", "1.5", "1e400", "NaN");

    private final Random random;
    private final SchemaValues values;

    Mutations(Random random, SchemaValues values) {
        this.random = random;
        this.values = values;
    }

    /** The body after {@code mutation}, as sent; {@code valid} is a valid body, which some mutations start from. */
    String body(String mutation, JsonNode valid) {
        return switch (mutation) {
            case "malformed-json" -> malformed(valid.toString());
            case "empty-body" -> "";
            case "not-an-object" -> List.of("[]", "42", "\"text\"", "null", "true").get(random.nextInt(5));
            case "deep-nesting" -> "{\"a\": " + "[".repeat(100) + "]".repeat(100) + "}";
            case "oversized-body" -> "{\"padding\": \"" + "x".repeat(1_100_000) + "\"}";
            case "wrong-content-type" -> valid.toString();
            default -> field(mutation, valid.deepCopy()).toString();
        };
    }

    private JsonNode field(String mutation, JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            return body;
        }
        if (mutation.equals("extra-field")) {
            object.put("unexpected_field_" + random.nextInt(100), values.text(3, 8));
            return object;
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            object.set("field", NODES.textNode("\u0000"));
            return object;
        }
        String name = names.get(random.nextInt(names.size()));
        JsonNode current = object.get(name);
        switch (mutation) {
            case "missing-field" -> object.remove(name);
            case "null-field" -> object.putNull(name);
            case "wrong-type" -> object.set(name, otherType(current));
            case "boundary-number" -> object.set(name, BOUNDARY_NUMBERS.get(random.nextInt(BOUNDARY_NUMBERS.size())));
            case "huge-string" -> object.put(name, "ş".repeat(200_000));
            case "control-characters" -> object.put(name, "a\u0000b\u0007c\u001b[0m\r\n\t\u202e");
            case "turkish-letters" -> object.put(name, "İĞÜŞÖÇ ığüşöç İSTANBUL ıi");
            default -> throw new IllegalArgumentException("No body mutation " + mutation);
        }
        return object;
    }

    private JsonNode otherType(JsonNode value) {
        List<JsonNode> others = new ArrayList<>(List.of(NODES.textNode("not-a-number"), NODES.numberNode(12345),
                NODES.booleanNode(true), NODES.arrayNode().add(1), NODES.objectNode().put("x", 1)));
        others.removeIf(other -> other.getNodeType() == value.getNodeType());
        return others.get(random.nextInt(others.size()));
    }

    private String malformed(String json) {
        return switch (random.nextInt(4)) {
            case 0 -> json.substring(0, Math.max(1, json.length() / 2));
            case 1 -> json.replaceFirst(":", "");
            case 2 -> json + "}";
            default -> "{'single': 'quotes'}";
        };
    }

    /** A parameter's value after {@code mutation}, percent-encoded. */
    String parameter(String mutation, String valid) {
        return switch (mutation) {
            case "parameter-wrong-type" -> encode(List.of("abc", "true", "[]", "{}").get(random.nextInt(4)));
            case "parameter-huge" -> encode("9".repeat(3_000));
            case "parameter-control" -> ENCODED_HOSTILE.get(random.nextInt(ENCODED_HOSTILE.size()));
            case "parameter-turkish" -> encode("İĞÜŞÖÇığüşöç");
            case "parameter-boundary" -> BOUNDARY_PARAMETERS.get(random.nextInt(BOUNDARY_PARAMETERS.size()));
            default -> encode(valid);
        };
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}

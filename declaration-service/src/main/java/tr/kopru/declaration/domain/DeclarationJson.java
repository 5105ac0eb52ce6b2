package tr.kopru.declaration.domain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import tr.kopru.runtime.rest.JsonLimits;

import java.io.IOException;

/**
 * How declaration bodies are read and written: numbers keep the form the client wrote (an amount of {@code 1000.00}
 * is sent as {@code 1000.00} and a size of {@code 2048.0} as {@code 2048.0}: never through a double, never with its
 * trailing zeros stripped, never in exponent notation), and a field given twice is an error rather than silently the
 * second. Bodies are held to the house's JSON limits ({@link JsonLimits}).
 */
public final class DeclarationJson {

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonLimits.factory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    private DeclarationJson() {
    }

    /** Reads a request body; Jackson's own exceptions (malformed, duplicate field) answer 400 and 422. */
    public static JsonNode read(byte[] body) throws IOException {
        return body == null || body.length == 0 ? null : MAPPER.readTree(body);
    }

    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read back", e);
        }
    }

    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot be written as JSON", e);
        }
    }

    public static byte[] bytes(JsonNode value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot be written as JSON", e);
        }
    }
}

package tr.kopru.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Mapper;

import java.util.Iterator;
import java.util.stream.StreamSupport;

/**
 * A service's JSON as templates read it: {@code {run.ours.collected_amount}} walks objects, {@code {#for}} walks
 * arrays, and values come out as text, numbers or booleans (null when absent: write {@code ?: '—'}).
 */
public final class JsonView implements Mapper, Iterable<Object> {

    private final JsonNode node;

    private JsonView(JsonNode node) {
        this.node = node;
    }

    /** {@code node} as a template value: a view for an object or an array, the value itself otherwise. */
    public static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject() || node.isArray()) {
            return new JsonView(node);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asText();
    }

    @Override
    public Object get(String key) {
        return switch (key) {
            case "size" -> node.size();
            case "isEmpty" -> node.isEmpty();
            default -> of(node.get(key));
        };
    }

    @Override
    public Iterator<Object> iterator() {
        return StreamSupport.stream(node.spliterator(), false).map(JsonView::of).iterator();
    }

    @Override
    public String toString() {
        return node.toString();
    }
}

package tr.kopru.model.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the changes between two versions of an event schema that would break a consumer written against the older
 * one: a required property removed or made optional, a value that may now be null, a changed type or format, a
 * new enum value. Adding properties breaks nobody: consumers ignore what they do not know.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** The breaking changes from {@code before} to {@code after}, each naming its property path; empty if none. */
    public static List<String> breakingChanges(JsonNode before, JsonNode after) {
        List<String> problems = new ArrayList<>();
        compare("$", before, after, problems);
        return problems;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<String> problems) {
        Set<String> typesBefore = types(before);
        Set<String> typesAfter = types(after);
        if (!typesBefore.containsAll(typesAfter)) {
            problems.add(path + ": type " + typesBefore + " became " + typesAfter);
            return;
        }
        if (before.has("format") && !Objects.equals(before.get("format"), after.get("format"))) {
            problems.add(path + ": format " + before.get("format") + " became " + after.get("format"));
        }
        if (before.has("enum")) {
            Set<String> allowed = texts(before.get("enum"));
            for (String value : texts(after.path("enum"))) {
                if (!allowed.contains(value)) {
                    problems.add(path + ": new enum value '" + value + "'");
                }
            }
        }
        if (before.has("properties")) {
            compareProperties(path, before, after, problems);
        }
        if (before.has("items")) {
            compare(path + "[]", before.get("items"), after.path("items"), problems);
        }
    }

    private static void compareProperties(String path, JsonNode before, JsonNode after, List<String> problems) {
        Set<String> requiredBefore = texts(before.path("required"));
        Set<String> requiredAfter = texts(after.path("required"));
        before.get("properties").fields().forEachRemaining(property -> {
            String name = property.getKey();
            String propertyPath = path + "." + name;
            JsonNode afterProperty = after.path("properties").get(name);
            if (requiredBefore.contains(name) && !requiredAfter.contains(name)) {
                problems.add(propertyPath + (afterProperty == null ? ": required property removed"
                        : ": required property became optional"));
            }
            if (afterProperty != null) {
                compare(propertyPath, property.getValue(), afterProperty, problems);
            }
        });
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? texts(type) : type.isMissingNode() ? Set.of() : Set.of(type.asText());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}

package tr.kopru.declaration.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object with known fields. Only fields that are present are checked: an absent field is left alone and a
 * field set to null is sent as null, which is what a partial update means. A field that is not in the document is
 * refused, so that a misspelt name is not silently dropped. {@code required} fields must be present and not null
 * (a file needs its name and url).
 */
public record ObjectRule(Map<String, FieldRule> fields, Set<String> required) implements FieldRule {

    public ObjectRule {
        fields = new LinkedHashMap<>(fields);
        required = Set.copyOf(required);
    }

    public ObjectRule(Map<String, FieldRule> fields) {
        this(fields, Set.of());
    }

    @Override
    public JsonNode check(JsonNode value, String path, Findings findings) {
        if (!value.isObject()) {
            findings.error(path.isEmpty() ? "$" : path, "must be a JSON object");
            return value;
        }
        ObjectNode checked = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldPath = Findings.child(path, field.getKey());
            FieldRule rule = fields.get(field.getKey());
            if (rule == null) {
                findings.error(fieldPath, "is not a field of " + (path.isEmpty() ? "a declaration" : path));
            } else if (field.getValue().isNull()) {
                if (required.contains(field.getKey())) {
                    findings.error(fieldPath, "is required");
                }
                checked.set(field.getKey(), field.getValue());
            } else {
                checked.set(field.getKey(), rule.check(field.getValue(), fieldPath, findings));
            }
        }
        for (String name : required) {
            if (!value.has(name)) {
                findings.error(Findings.child(path, name), "is required");
            }
        }
        return checked;
    }
}

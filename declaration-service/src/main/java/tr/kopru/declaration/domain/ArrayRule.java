package tr.kopru.declaration.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** A JSON array whose items all follow one rule; a list is replaced whole, so every item is checked in full. */
public record ArrayRule(FieldRule item) implements FieldRule {

    @Override
    public JsonNode check(JsonNode value, String path, Findings findings) {
        if (!value.isArray()) {
            findings.error(path, "must be a JSON array");
            return value;
        }
        ArrayNode checked = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < value.size(); i++) {
            String itemPath = path + "[" + i + "]";
            JsonNode element = value.get(i);
            if (element.isNull()) {
                findings.error(itemPath, "must not be null");
                checked.add(element);
            } else {
                checked.add(item.check(element, itemPath, findings));
            }
        }
        return checked;
    }
}

package tr.kopru.declaration.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Countries carry no code table of ours (the document's own example gives {@code F01} two names), so their names
 * are sent as given; but one code named two ways in one update is surely a mistake somewhere, and the sender is
 * warned, at the second name, with both.
 */
final class CountryNames {

    private CountryNames() {
    }

    static void check(JsonNode body, Findings findings) {
        walk(body, "", new HashMap<>(), findings);
    }

    /** {@code seen}: each country code's first name and where it stood. */
    private static void walk(JsonNode node, String path, Map<String, String[]> seen, Findings findings) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", seen, findings);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (field.getKey().endsWith("country") && value.path("code").isTextual() && value.path("name").isTextual()) {
                String code = value.path("code").asText();
                String name = value.path("name").asText();
                String[] first = seen.putIfAbsent(code, new String[] {name, at + ".name"});
                if (first != null && !first[0].equals(name)) {
                    findings.warn(at + ".name", "country code " + code + " is named '" + name + "' here but '"
                            + first[0] + "' at " + first[1] + ": one code, two names (the code is what customs reads)");
                }
            } else {
                walk(value, at, seen, findings);
            }
        }
    }
}

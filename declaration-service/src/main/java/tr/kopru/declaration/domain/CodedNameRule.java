package tr.kopru.declaration.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Optional;

/**
 * A {@code {"code": ..., "name": ...}} pair whose code comes from a table. The code is authoritative: the name sent
 * is the table's, and a name given by the caller that says something else is reported as a warning.
 */
public record CodedNameRule(CodeTable table) implements FieldRule {

    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

    @Override
    public JsonNode check(JsonNode value, String path, Findings findings) {
        if (!value.isObject()) {
            findings.error(path, "must be an object with a code (and optionally its name)");
            return value;
        }
        value.fieldNames().forEachRemaining(field -> {
            if (!field.equals("code") && !field.equals("name")) {
                findings.error(Findings.child(path, field), "is not a field of " + path);
            }
        });
        JsonNode code = value.path("code");
        String codePath = Findings.child(path, "code");
        if (code.isMissingNode() || code.isNull()) {
            findings.error(codePath, "is required");
            return value;
        }
        Optional<CodeTable.Code> entry = CodeRule.find(table, code, codePath, findings);
        if (entry.isEmpty()) {
            return value;
        }
        JsonNode given = value.path("name");
        String name = entry.get().description();
        if (given.isTextual() && !sameName(given.asText(), name)) {
            findings.warn(Findings.child(path, "name"), "\"" + given.asText() + "\" is not the name of code "
                    + code.asText() + " in " + table.title() + "; sent as \"" + name + "\"");
        }
        ObjectNode checked = JsonNodeFactory.instance.objectNode();
        checked.set("code", code);
        checked.put("name", name);
        return checked;
    }

    private static boolean sameName(String given, String name) {
        return given.trim().toLowerCase(TURKISH).equals(name.toLowerCase(TURKISH));
    }
}

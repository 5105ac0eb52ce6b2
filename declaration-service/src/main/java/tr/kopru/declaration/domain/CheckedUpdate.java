package tr.kopru.declaration.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A partial update that passed validation: the body to send (coded names taken from their tables), the top-level
 * fields it sets, and the warnings for the caller.
 */
public record CheckedUpdate(ObjectNode body, List<String> fields, List<Findings.Warning> warnings) {

    /** Checks {@code body} against the document; {@code findings} holds every error and warning afterwards. */
    public static CheckedUpdate check(JsonNode body, Findings findings) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            findings.error("$", "the body must be a JSON object with the fields to update");
            return null;
        }
        JsonNode checked = DeclarationRules.DECLARATION.check(body, "", findings);
        CountryNames.check(body, findings);
        if (body.isObject() && body.isEmpty()) {
            findings.error("$", "the update sets no field");
        }
        if (findings.hasErrors()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        checked.fieldNames().forEachRemaining(fields::add);
        return new CheckedUpdate((ObjectNode) checked, List.copyOf(fields), findings.warnings());
    }
}

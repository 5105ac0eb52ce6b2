package tr.kopru.declaration.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one field of a declaration may hold. A rule checks a value that is present and not null, records what is
 * wrong in {@link Findings} under the field's JSON path, and answers the value to send (normally the value itself;
 * a coded name comes back with the table's name).
 */
public interface FieldRule {

    JsonNode check(JsonNode value, String path, Findings findings);
}

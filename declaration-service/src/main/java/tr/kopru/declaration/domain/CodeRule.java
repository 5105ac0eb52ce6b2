package tr.kopru.declaration.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** A value that must be one of a code table's codes, as a number or a string as the table says. */
public record CodeRule(CodeTable table) implements FieldRule {

    @Override
    public JsonNode check(JsonNode value, String path, Findings findings) {
        find(table, value, path, findings);
        return value;
    }

    /** The table's entry for {@code value}, or empty with an error recorded at {@code path}. */
    static Optional<CodeTable.Code> find(CodeTable table, JsonNode value, String path, Findings findings) {
        boolean rightKind = table.numeric() ? value.isIntegralNumber() : value.isTextual();
        Optional<CodeTable.Code> code = rightKind ? table.find(value.asText()) : Optional.empty();
        if (code.isEmpty()) {
            findings.error(path, "must be one of the " + table.title() + " (" + table.name() + ") codes "
                    + (table.numeric() ? "as a number" : "as a string") + ": " + table.codeList() + "; not "
                    + ScalarRule.quoted(value));
        }
        return code;
    }
}

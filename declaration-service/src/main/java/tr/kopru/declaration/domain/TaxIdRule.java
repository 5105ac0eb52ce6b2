package tr.kopru.declaration.domain;

import com.fasterxml.jackson.databind.JsonNode;
import tr.kopru.model.identity.NationalId;
import tr.kopru.model.identity.TaxNumber;

/**
 * A Turkish tax identity: a 10-digit tax number (VKN) or an 11-digit national id (TCKN), each with its check digits.
 * A trading party (a sender or the receiver) may be abroad: an identity that is not 10 or 11 digits is then taken
 * as a foreign tax number, as given.
 *
 * @param mayBeForeign whether the holder can be a foreign party
 */
public record TaxIdRule(boolean mayBeForeign) implements FieldRule {

    @Override
    public JsonNode check(JsonNode value, String path, Findings findings) {
        if (!value.isTextual()) {
            findings.error(path, "must be a string (leading zeros matter)");
            return value;
        }
        String id = value.asText();
        boolean digits = !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9');
        if (digits && id.length() == 10) {
            if (!TaxNumber.isValid(id)) {
                findings.error(path, "is not a valid tax number: its check digit is wrong");
            }
        } else if (digits && id.length() == 11) {
            if (!NationalId.isValid(id)) {
                findings.error(path, "is not a valid national id: its check digits are wrong");
            }
        } else if (!mayBeForeign) {
            findings.error(path, "must be a 10-digit tax number or an 11-digit national id");
        } else if (id.isBlank() || id.length() > 40) {
            findings.error(path, "must be a tax number of 1 to 40 characters");
        }
        return value;
    }
}

package tr.kopru.installation.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/** Reads one UTTS record from a parser, keeping the text of the fields Köprü uses and skipping the rest unread. */
public final class UttsRecordReader {

    private UttsRecordReader() {
    }

    /**
     * Reads the value at the parser's current token and leaves the parser on its last token. Scalars are kept as
     * their text (numbers too); an object or array where a scalar belongs counts as missing; a record that is not an
     * object has no fields at all.
     *
     * @param source the bytes the parser reads, so that the record's own JSON can be cut out of them
     */
    public static UttsRecord read(JsonParser parser, byte[] source) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        String[] values = new String[UttsRecord.FIELD_COUNT];
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            readFields(parser, values);
        } else if (parser.currentToken().isStructStart()) {
            parser.skipChildren();
        } else {
            parser.finishToken(); // a string is read lazily: its end is only known once it is read
        }
        int end = (int) parser.currentLocation().getByteOffset();
        return new UttsRecord(values, source, start, end);
    }

    private static void readFields(JsonParser parser, String[] values) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            UttsField field = UttsField.byJsonName(parser.currentName());
            JsonToken value = parser.nextToken();
            String text = null;
            if (value.isStructStart()) {
                parser.skipChildren();
            } else if (field != null && value == JsonToken.VALUE_NUMBER_FLOAT) {
                // A JSON number is unambiguous: written plainly, without trailing zeros, so 1.250 reads as 1.25.
                text = parser.getDecimalValue().stripTrailingZeros().toPlainString();
            } else if (field != null && value != JsonToken.VALUE_NULL) {
                text = parser.getText().trim();
            }
            if (field != null) {
                values[field.ordinal()] = text == null || text.isEmpty() ? null : text;
            }
        }
    }
}

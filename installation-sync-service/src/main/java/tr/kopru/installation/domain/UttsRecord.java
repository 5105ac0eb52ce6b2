package tr.kopru.installation.domain;

import io.vertx.core.json.JsonObject;
import tr.kopru.runtime.logging.PersonalDataMasker;

import java.nio.charset.StandardCharsets;

/**
 * One installation record as UTTS sent it: the text of each field Köprü reads (trimmed; null when missing, null or
 * blank), and where the record's JSON lies in the page, so that a record that cannot be read is kept aside.
 */
public final class UttsRecord {

    static final int FIELD_COUNT = UttsField.values().length;

    private final String[] values;
    private final byte[] page;
    private final int start;
    private final int end;

    /**
     * @param values the fields' texts, indexed by {@link UttsField#ordinal()}
     * @param page   the page's UTF-8 bytes; the record is {@code page[start, end)}
     */
    public UttsRecord(String[] values, byte[] page, int start, int end) {
        if (values.length != FIELD_COUNT) {
            throw new IllegalArgumentException("expected " + FIELD_COUNT + " values, got " + values.length);
        }
        this.values = values;
        this.page = page;
        this.start = start;
        this.end = end;
    }

    /** The field's text, or null. */
    public String text(UttsField field) {
        return values[field.ordinal()];
    }

    /** The record's JSON exactly as UTTS sent it. */
    public String json() {
        return new String(page, start, end - start, StandardCharsets.UTF_8);
    }

    /**
     * The record's JSON with only the fields Köprü reads (any of which may be why it was rejected): the others may
     * hold personal data, such as the driver's e-mail and phone, which nothing of ours uses. What it keeps is masked
     * as log lines are (the owner's tax number among them: no rule rejects a record for it). A record that is not
     * even an object keeps nothing (its rejection says so).
     */
    public String readFieldsJson() {
        String json = json();
        JsonObject kept = new JsonObject();
        if (!json.startsWith("{")) {
            return kept.encode();
        }
        JsonObject sent = new JsonObject(json);
        sent.forEach(field -> {
            if (UttsField.byJsonName(field.getKey()) != null) {
                kept.put(field.getKey(), field.getValue() instanceof String text ? PersonalDataMasker.mask(text)
                        : field.getValue());
            }
        });
        return kept.encode();
    }
}

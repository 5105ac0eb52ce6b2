package tr.kopru.installation.domain;

import tr.kopru.runtime.time.TurkeyTime;

import tr.kopru.model.time.PlainDateTime;
import tr.kopru.model.Money;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Reads one UTTS record tolerantly: dd.MM.yyyy dates and HH:mm hours in Turkey time, prices as strings in either
 * 1234.56 or 1.234,56 form, tax numbers and phones kept as text, optional fields may be missing.
 */
public final class UttsRecordParser {

    /** Strict: 31.02.2026 is an error, not the 28th. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("H:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private UttsRecordParser() {
    }

    /**
     * @param fallbackModifiedAt used when the record has no lastModified stamp
     * @throws UnreadableRecordException naming the field that cannot be read
     */
    public static InstallationSnapshot parse(UttsRecord record, String account, Instant fallbackModifiedAt) {
        long id = number(record.text(UttsField.ID));
        if (id <= 0) {
            throw new UnreadableRecordException(UttsField.ID.jsonName() + " is missing");
        }
        return new InstallationSnapshot(
                id,
                required(record, UttsField.INSTALLATION_CODE),
                required(record, UttsField.LICENCE_PLATE),
                required(record, UttsField.STATUS),
                (int) number(record.text(UttsField.STATUS_ID)),
                record.text(UttsField.PRODUCT),
                record.text(UttsField.COMPANY),
                record.text(UttsField.SERVICE),
                record.text(UttsField.OWNER_NAME),
                record.text(UttsField.OWNER_TAX_NUMBER),
                record.text(UttsField.OWNER_TAX_OFFICE),
                record.text(UttsField.CITY),
                record.text(UttsField.DISTRICT),
                price(record, UttsField.SALE_PRICE),
                price(record, UttsField.NET_SALE_PRICE),
                activation(record),
                lastModified(record, fallbackModifiedAt),
                account,
                record.text(UttsField.REFERENCE_NUMBER));
    }

    /** A whole number sent as a JSON number or as text; 0 when absent or not a whole number. */
    private static long number(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Turkish grouping: 1.234 or 1.234.567,5 (dots between groups of three, an optional decimal comma). */
    private static final Pattern TURKISH_GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?");
    /** English grouping with its decimals: 1,234.56 (1,234 alone could be Turkish 1.234 lira: not guessed). */
    private static final Pattern ENGLISH_GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+\\.\\d{1,2}");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+(,\\d{1,2})?");
    private static final Pattern DECIMAL_POINT = Pattern.compile("\\d+(\\.\\d{1,2})?");

    /**
     * 1234.56, 1234,56, 1.234,56, 1,234.56 or 1.250 (a dot followed by exactly three digits and no comma groups
     * thousands: 1,250 TL); null when absent. A price these rules cannot read without guessing (12.3456, 1,234,
     * 1234.567) makes the record unreadable rather than guessed.
     */
    static Money price(UttsRecord record, UttsField field) {
        String text = record.text(field);
        if (text == null) {
            return null;
        }
        String digits = text.replace(" ", "");
        String plain;
        if (TURKISH_GROUPED.matcher(digits).matches()) {
            plain = digits.replace(".", "").replace(',', '.');
        } else if (ENGLISH_GROUPED.matcher(digits).matches()) {
            plain = digits.replace(",", "");
        } else if (DECIMAL_COMMA.matcher(digits).matches()) {
            plain = digits.replace(',', '.');
        } else if (DECIMAL_POINT.matcher(digits).matches()) {
            plain = digits;
        } else {
            throw new UnreadableRecordException(field.jsonName() + " is not a price: '" + text + "'");
        }
        return Money.of(new BigDecimal(plain));
    }

    private static Instant activation(UttsRecord record) {
        String date = record.text(UttsField.ACTIVATION_DATE);
        if (date == null) {
            return null;
        }
        String hour = record.text(UttsField.ACTIVATION_HOUR);
        try {
            LocalDate day = LocalDate.parse(date, DATE);
            LocalTime time = hour == null ? LocalTime.MIDNIGHT : LocalTime.parse(hour, HOUR);
            return day.atTime(time).atZone(TurkeyTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableRecordException("activation date/hour is not dd.MM.yyyy HH:mm: '" + date + " "
                    + hour + "'");
        }
    }

    /** ISO date-time, with or without fraction; without an offset it is Turkey time. */
    private static Instant lastModified(UttsRecord record, Instant fallback) {
        String text = record.text(UttsField.LAST_MODIFIED);
        if (text == null) {
            return fallback;
        }
        try {
            // UTTS sends Turkey time without an offset; an offset, when present, is honoured. Checked up front:
            // parsing and failing costs an exception per record on the hot path.
            if (hasOffset(text)) {
                return OffsetDateTime.parse(text).toInstant();
            }
            LocalDateTime local = PlainDateTime.parse(text);
            return (local != null ? local : LocalDateTime.parse(text)).atZone(TurkeyTime.ZONE).toInstant();
        } catch (DateTimeException e) {
            throw new UnreadableRecordException("lastModified is not a date-time: '" + text + "'");
        }
    }

    private static boolean hasOffset(String dateTime) {
        int time = dateTime.indexOf('T');
        return dateTime.endsWith("Z")
                || (time > 0 && (dateTime.indexOf('+', time) > 0 || dateTime.indexOf('-', time) > 0));
    }

    private static String required(UttsRecord record, UttsField field) {
        String value = record.text(field);
        if (value == null) {
            throw new UnreadableRecordException(field.jsonName() + " is missing");
        }
        return value;
    }
}

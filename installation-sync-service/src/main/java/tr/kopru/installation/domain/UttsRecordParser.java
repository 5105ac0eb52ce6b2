package tr.kopru.installation.domain;

import tr.kopru.runtime.time.PlainDateTime;
import com.fasterxml.jackson.databind.JsonNode;
import tr.kopru.model.Money;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Reads one UTTS record tolerantly: dd.MM.yyyy dates and HH:mm hours in Turkey time, prices as strings in either
 * 1234.56 or 1.234,56 form, tax numbers and phones kept as text, optional fields may be missing.
 */
public final class UttsRecordParser {

    public static final ZoneId TURKEY = ZoneId.of("Europe/Istanbul");
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
    public static InstallationSnapshot parse(JsonNode record, String account, Instant fallbackModifiedAt) {
        long id = record.path("vehicleOrderInstallationId").asLong(0);
        if (id <= 0) {
            throw new UnreadableRecordException("vehicleOrderInstallationId is missing");
        }
        return new InstallationSnapshot(
                id,
                required(record, "installationCode"),
                required(record, "licensePlate"),
                required(record, "vehicleOrderInstallationStatus"),
                record.path("vehicleOrderInstallationStatusId").asInt(0),
                text(record, "productName"),
                text(record, "companyName"),
                text(record, "serviceName"),
                text(record, "vehicleCompanyName"),
                text(record, "taxInfoNumber"),
                text(record, "taxInfoOffice"),
                text(record, "city"),
                text(record, "district"),
                price(record, "salePriceString"),
                price(record, "netSalePriceString"),
                activation(record),
                lastModified(record, fallbackModifiedAt),
                account,
                text(record, "ttbServiceReferenceNumber"),
                text(record, "technicianFullName") != null ? text(record, "technicianFullName") : text(record, "fullName"),
                text(record, "driverEmail"),
                text(record, "driverPhoneNumber"));
    }

    /** 1234.56, 1.234,56, 1234,56 or a JSON number; null when absent. */
    static Money price(JsonNode record, String field) {
        String text = text(record, field);
        if (text == null) {
            return null;
        }
        String normalised = text.replace(" ", "");
        if (normalised.contains(",")) {
            normalised = normalised.replace(".", "").replace(',', '.');
        }
        try {
            return Money.of(new BigDecimal(normalised));
        } catch (IllegalArgumentException e) {
            throw new UnreadableRecordException(field + " is not a price: '" + text + "'");
        }
    }

    private static Instant activation(JsonNode record) {
        String date = text(record, "activationDateString");
        if (date == null) {
            return null;
        }
        String hour = text(record, "activationHourString");
        try {
            LocalDate day = LocalDate.parse(date, DATE);
            LocalTime time = hour == null ? LocalTime.MIDNIGHT : LocalTime.parse(hour, HOUR);
            return day.atTime(time).atZone(TURKEY).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableRecordException("activation date/hour is not dd.MM.yyyy HH:mm: '" + date + " "
                    + hour + "'");
        }
    }

    /** ISO date-time, with or without fraction; without an offset it is Turkey time. */
    private static Instant lastModified(JsonNode record, Instant fallback) {
        String text = text(record, "lastModified");
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
            return (local != null ? local : LocalDateTime.parse(text)).atZone(TURKEY).toInstant();
        } catch (DateTimeException e) {
            throw new UnreadableRecordException("lastModified is not a date-time: '" + text + "'");
        }
    }

    private static boolean hasOffset(String dateTime) {
        int time = dateTime.indexOf('T');
        return dateTime.endsWith("Z")
                || (time > 0 && (dateTime.indexOf('+', time) > 0 || dateTime.indexOf('-', time) > 0));
    }

    private static String required(JsonNode record, String field) {
        String value = text(record, field);
        if (value == null) {
            throw new UnreadableRecordException(field + " is missing");
        }
        return value;
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }
}

package tr.kopru.flexcity;

import tr.kopru.runtime.time.TurkeyTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import java.util.Locale;

/**
 * FlexCity's dates: ISO 8601 with an offset ({@code 2014-02-13T15:55:51+02:00}) as the document says, and the Java
 * default {@code Jan 1, 1979 12:00:00 AM} (Turkey time) that some answers use instead.
 */
public final class FlexCityDates {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter LEGACY = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM d, yyyy h:mm:ss a").toFormatter(Locale.US);

    private FlexCityDates() {
    }

    /** {@code instant} as a request date: Turkey time with its offset. */
    public static String format(Instant instant) {
        return ISO.format(instant.atZone(TurkeyTime.ZONE));
    }

    /** The start of {@code day} in Turkey, as a request date. */
    public static String startOf(LocalDate day) {
        return ISO.format(day.atStartOfDay(TurkeyTime.ZONE));
    }

    /** The last second of {@code day} in Turkey, as a request date. */
    public static String endOf(LocalDate day) {
        return ISO.format(day.atTime(23, 59, 59).atZone(TurkeyTime.ZONE));
    }

    /** An answer's date in either format; null for null or blank. */
    public static Instant parse(String text) {
        String date = normalised(text);
        if (date == null) {
            return null;
        }
        try {
            return isIso(date) ? OffsetDateTime.parse(date, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    : LocalDateTime.parse(date, LEGACY).atZone(TurkeyTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new FlexCityProtocolException("not a FlexCity date: '" + text + "'");
        }
    }

    /** The calendar day an answer's date names, as the upstream wrote it; null for null or blank. */
    public static LocalDate day(String text) {
        String date = normalised(text);
        if (date == null) {
            return null;
        }
        try {
            return isIso(date) ? OffsetDateTime.parse(date, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toLocalDate()
                    : LocalDateTime.parse(date, LEGACY).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new FlexCityProtocolException("not a FlexCity date: '" + text + "'");
        }
    }

    /**
     * Which of the two formats to read: ISO starts with the year, the legacy one with the month's name. Decided up
     * front, because trying one and catching its failure costs an exception per date on a scan's hot path.
     */
    private static boolean isIso(String date) {
        return Character.isDigit(date.charAt(0));
    }

    /** Trimmed, with every run of whitespace made one space; null for null or blank. */
    private static String normalised(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c != ' ' && Character.isWhitespace(c) || c == ' ' && trimmed.charAt(i + 1) == ' ') {
                return WHITESPACE.matcher(trimmed).replaceAll(" ");
            }
        }
        return trimmed;
    }
}

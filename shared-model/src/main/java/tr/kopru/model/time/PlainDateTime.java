package tr.kopru.model.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the plain date-time shape {@code yyyy-MM-ddTHH:mm:ss} with an optional fraction of up to nine digits (what
 * UTTS sends on every record, and what an event's {@code ce_time} and instants are before their {@code Z}) and the
 * plain date {@code yyyy-MM-dd} without the general ISO formatter, at a tenth of its cost on hot paths. Anything else
 * is left to the formatter; impossible values (a 31st of February) still fail, as {@link java.time.DateTimeException}.
 */
public final class PlainDateTime {

    private PlainDateTime() {
    }

    /** The date-time, or null when {@code text} is not in the plain shape. */
    public static LocalDateTime parse(String text) {
        int length = text.length();
        if (length < 19 || length == 20 || length > 29 || !shaped(text, 19)) {
            return null;
        }
        int nanos = 0;
        if (length > 19) {
            if (text.charAt(19) != '.') {
                return null;
            }
            for (int i = 20; i < 29; i++) {
                int digit = i < length ? digit(text, i) : 0;
                if (digit < 0) {
                    return null;
                }
                nanos = nanos * 10 + digit;
            }
        }
        return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10), number(text, 11, 13),
                number(text, 14, 16), number(text, 17, 19), nanos);
    }

    /** The date, or null when {@code text} is not exactly {@code yyyy-MM-dd}. */
    public static LocalDate parseDate(String text) {
        if (text.length() != 10 || !shaped(text, 10)) {
            return null;
        }
        return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
    }

    /** An instant written as a plain date-time in UTC with {@code Z} ({@link Instant#toString()}), else null. */
    public static Instant parsePlainInstant(String text) {
        if (!text.endsWith("Z")) {
            return null;
        }
        LocalDateTime plain = parse(text.substring(0, text.length() - 1));
        return plain == null ? null : plain.toInstant(ZoneOffset.UTC);
    }

    /** An instant in the plain shape read as {@link #parsePlainInstant}; any other shape by the formatter. */
    public static Instant parseInstant(String text) {
        Instant plain = parsePlainInstant(text);
        return plain != null ? plain : Instant.parse(text);
    }

    /** Whether the first {@code length} characters have the plain date-time's digits and separators. */
    private static boolean shaped(String text, int length) {
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static int digit(String text, int index) {
        char c = text.charAt(index);
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }
}

package tr.kopru.runtime.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the plain date-time shape {@code yyyy-MM-ddTHH:mm:ss} with an optional fraction of up to nine digits (what
 * UTTS sends on every record, and what an event's {@code ce_time} is before its {@code Z}) without the general ISO
 * formatter, at a tenth of its cost on hot paths. Anything else is left to the formatter; impossible values (a 31st
 * of February) still fail, as {@link java.time.DateTimeException}.
 */
public final class PlainDateTime {

    private PlainDateTime() {
    }

    /** The date-time, or null when {@code text} is not in the plain shape. */
    public static LocalDateTime parse(String text) {
        int length = text.length();
        if (length < 19 || length == 20 || length > 29 || !shaped(text)) {
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

    /** An instant written as a plain date-time in UTC with {@code Z} ({@link Instant#toString()}); else the formatter. */
    public static Instant parseInstant(String text) {
        if (text.endsWith("Z")) {
            LocalDateTime plain = parse(text.substring(0, text.length() - 1));
            if (plain != null) {
                return plain.toInstant(ZoneOffset.UTC);
            }
        }
        return Instant.parse(text);
    }

    private static boolean shaped(String text) {
        for (int i = 0; i < 19; i++) {
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

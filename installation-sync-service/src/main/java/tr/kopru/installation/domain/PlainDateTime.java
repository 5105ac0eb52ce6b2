package tr.kopru.installation.domain;

import java.time.LocalDateTime;

/**
 * Reads the one date-time shape UTTS sends on every record, {@code yyyy-MM-ddTHH:mm:ss} with an optional fraction of
 * up to nine digits, without the general ISO formatter (a tenth of its cost on the sync's hot path). Anything else
 * is left to the formatter; impossible values (a 31st of February) still fail, as {@link java.time.DateTimeException}.
 */
final class PlainDateTime {

    private PlainDateTime() {
    }

    /** The date-time, or null when {@code text} is not in the plain shape. */
    static LocalDateTime parse(String text) {
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

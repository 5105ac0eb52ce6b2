package tr.kopru.declaration.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;

/** The plain kinds of value a declaration field holds. */
public enum ScalarRule implements FieldRule {

    TEXT {
        @Override
        void verify(JsonNode value, String path, Findings findings) {
            if (!value.isTextual()) {
                findings.error(path, "must be a string");
            } else if (value.asText().length() > MAX_TEXT) {
                findings.error(path, "must be at most " + MAX_TEXT + " characters");
            }
        }
    },
    /** Text that says something: a file's name. */
    NON_BLANK_TEXT {
        @Override
        void verify(JsonNode value, String path, Findings findings) {
            TEXT.verify(value, path, findings);
            if (value.isTextual() && value.asText().isBlank()) {
                findings.error(path, "must not be blank");
            }
        }
    },
    BOOLEAN {
        @Override
        void verify(JsonNode value, String path, Findings findings) {
            if (!value.isBoolean()) {
                findings.error(path, "must be true or false");
            }
        }
    },
    INTEGER {
        @Override
        void verify(JsonNode value, String path, Findings findings) {
            if (!value.isIntegralNumber()) {
                findings.error(path, "must be a whole number");
            }
        }
    },
    /** Amounts and sizes. */
    NON_NEGATIVE_NUMBER {
        @Override
        void verify(JsonNode value, String path, Findings findings) {
            if (!value.isNumber()) {
                findings.error(path, "must be a number");
            } else if (value.decimalValue().signum() < 0) {
                findings.error(path, "must not be negative");
            }
        }
    },
    /** A calendar date, {@code 2024-03-20}. */
    DATE {
        @Override
        void verify(JsonNode value, String path, Findings findings) {
            try {
                if (!value.isTextual()) {
                    throw new DateTimeParseException("not text", value.toString(), 0);
                }
                LocalDate.parse(value.asText());
            } catch (DateTimeParseException e) {
                findings.error(path, "must be a date (yyyy-MM-dd), not " + quoted(value));
            }
        }
    },
    /** A moment with its offset, {@code 2024-03-20T10:00:00Z}. */
    INSTANT {
        @Override
        void verify(JsonNode value, String path, Findings findings) {
            try {
                if (!value.isTextual()) {
                    throw new DateTimeParseException("not text", value.toString(), 0);
                }
                Instant.from(OffsetDateTime.parse(value.asText()));
            } catch (DateTimeParseException e) {
                findings.error(path, "must be a date and time with its offset (2024-03-20T10:00:00Z), not " + quoted(value));
            }
        }
    },
    /** An ISO 4217 currency code, {@code USD}. */
    CURRENCY {
        @Override
        void verify(JsonNode value, String path, Findings findings) {
            String code = value.asText();
            boolean known = value.isTextual() && code.length() == 3 && code.equals(code.toUpperCase(Locale.ROOT))
                    && Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
            if (!known) {
                findings.error(path, "must be an ISO 4217 currency code such as TRY, USD or EUR, not " + quoted(value));
            }
        }
    },
    /** Where a file can be fetched: an absolute http(s) address. */
    URL {
        @Override
        void verify(JsonNode value, String path, Findings findings) {
            NON_BLANK_TEXT.verify(value, path, findings);
            if (value.isTextual() && !value.asText().isBlank() && !isWebAddress(value.asText())) {
                findings.error(path, "must be an absolute http or https address");
            }
        }
    };

    static final int MAX_TEXT = 2000;

    abstract void verify(JsonNode value, String path, Findings findings);

    @Override
    public JsonNode check(JsonNode value, String path, Findings findings) {
        verify(value, path, findings);
        return value;
    }

    static String quoted(JsonNode value) {
        String text = value.isTextual() ? value.asText() : value.toString();
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }

    private static boolean isWebAddress(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package tr.kopru.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import tr.kopru.model.time.PlainDateTime;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Reads instants and dates in the shapes our events carry ({@code 2026-11-23T18:38:10.123Z}, {@code 2026-11-23})
 * without the ISO formatter, which was half of the cost of reading a payment event. Any other shape, and any
 * impossible value, goes to Jackson's own deserializer, so what is accepted and how a bad value is reported do not
 * change.
 */
final class PlainTimeDeserializers {

    private PlainTimeDeserializers() {
    }

    /** A module to register after the JavaTimeModule, whose deserializers these take the place of. */
    static SimpleModule module() {
        return new SimpleModule("kopru-plain-times")
                .addDeserializer(Instant.class, new Plain<>(Instant.class, PlainDateTime::parsePlainInstant,
                        InstantDeserializer.INSTANT))
                .addDeserializer(LocalDate.class, new Plain<>(LocalDate.class, PlainDateTime::parseDate,
                        LocalDateDeserializer.INSTANCE));
    }

    /** The plain shape read directly, everything else by {@code standard}. */
    private static final class Plain<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, T> plain;
        private final JsonDeserializer<T> standard;

        Plain(Class<T> type, Function<String, T> plain, JsonDeserializer<T> standard) {
            super(type);
            this.plain = plain;
            this.standard = standard;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                try {
                    T value = plain.apply(parser.getText());
                    if (value != null) {
                        return value;
                    }
                } catch (DateTimeException impossible) {
                    // Reported by the standard deserializer, in its words.
                }
            }
            return standard.deserialize(parser, context);
        }
    }
}

package tr.kopru.model.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract mapper reads instants and dates exactly as Jackson's own deserializers do, faster. */
class PlainTimeDeserializersTest {

    /** Jackson with only its Java time module, as the contract mapper was before. */
    private static final ObjectMapper STANDARD = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();

    record Stamped(Instant at, LocalDate day) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-23T18:38:10Z\"", "\"2026-11-23T18:38:10.5Z\"",
            "\"2026-11-23T18:38:10.123456789Z\"", "\"2024-02-29T00:00:00Z\"", "\"2026-11-23T21:38:10.5+03:00\"",
            "\"2026-11-23T24:00:00Z\"",
            "1764000000", "1764000000.250", "null"})
    void readsInstantsAsJacksonDoes(String json) throws Exception {
        String document = "{\"at\": " + json + ", \"day\": null}";
        assertThat(ContractJson.mapper().readValue(document, Stamped.class))
                .isEqualTo(STANDARD.readValue(document, Stamped.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-23\"", "\"2024-02-29\"", "\"2026-11-23T10:15:00\"", "[2026, 11, 23]", "null"})
    void readsDatesAsJacksonDoes(String json) throws Exception {
        String document = "{\"at\": null, \"day\": " + json + "}";
        assertThat(ContractJson.mapper().readValue(document, Stamped.class))
                .isEqualTo(STANDARD.readValue(document, Stamped.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"at\": \"2026-02-30T10:00:00Z\"}",
            "{\"at\": \"dün\"}", "{\"day\": \"2026-02-30\"}", "{\"day\": \"2026-13-01\"}", "{\"day\": \"23.11.2026\"}"})
    void refusesImpossibleValuesAsJacksonDoes(String document) {
        Throwable standard = catchFailure(() -> STANDARD.readValue(document, Stamped.class));
        assertThat(standard).isNotNull();
        assertThatThrownBy(() -> ContractJson.mapper().readValue(document, Stamped.class))
                .isInstanceOf(standard.getClass())
                .hasMessageStartingWith(standard.getMessage().lines().findFirst().orElseThrow());
    }

    private static Throwable catchFailure(ThrowingRunnable runnable) {
        try {
            runnable.run();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}

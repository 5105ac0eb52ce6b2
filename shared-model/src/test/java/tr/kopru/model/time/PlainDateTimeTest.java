package tr.kopru.model.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainDateTimeTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-14T09:05:07", "2026-03-14T09:05:07.1", "2026-03-14T09:05:07.120",
            "2026-12-31T23:59:59.999999999", "2024-02-29T00:00:00.000001"})
    void readsWhatTheIsoFormatterReads(String text) {
        assertThat(PlainDateTime.parse(text)).isEqualTo(LocalDateTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-14T09:05", "2026-03-14 09:05:07", "2026-03-14T09:05:07.", "dün",
            "2026-03-14T09:05:07,5", "2026-3-14T09:05:07", "2026-03-14T09:05:07.1234567890"})
    void leavesOtherShapesToTheFormatter(String text) {
        assertThat(PlainDateTime.parse(text)).isNull();
    }

    @Test
    void refusesImpossibleDates() {
        assertThatThrownBy(() -> PlainDateTime.parse("2026-02-31T10:00:00")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> PlainDateTime.parse("2026-01-01T24:00:00")).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T18:38:10Z", "2026-11-23T18:38:10.123456Z", "2026-11-23T18:38:10.5Z",
            "2026-11-23T21:38:10.5+03:00"})
    void readsInstantsAsInstantParseDoes(String text) {
        assertThat(PlainDateTime.parseInstant(text)).isEqualTo(Instant.parse(text));
    }

    @Test
    void refusesWhatIsNotAnInstant() {
        assertThatThrownBy(() -> PlainDateTime.parseInstant("2026-11-23T18:38:10")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> PlainDateTime.parseInstant("2026-02-30T18:38:10Z")).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-14", "2024-02-29", "0001-01-01"})
    void readsPlainDatesAsLocalDateParseDoes(String text) {
        assertThat(PlainDateTime.parseDate(text)).isEqualTo(LocalDate.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-3-14", "14.03.2026", "2026-03-14T00:00", "+2026-03-14", "2026/03/14"})
    void leavesOtherDateShapesToTheFormatter(String text) {
        assertThat(PlainDateTime.parseDate(text)).isNull();
    }

    @Test
    void refusesImpossiblePlainDates() {
        assertThatThrownBy(() -> PlainDateTime.parseDate("2026-02-29")).isInstanceOf(DateTimeException.class);
    }
}

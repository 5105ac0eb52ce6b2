package tr.kopru.model.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"10000000146", "12345678950", "98765432150"})
    void acceptsNationalIdsWithRightCheckDigits(String id) {
        assertThat(NationalId.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000000147", "12345678951", "02345678950", "1234567895", "1234567895a", ""})
    void refusesNationalIdsWithWrongCheckDigitsOrShape(String id) {
        assertThat(NationalId.isValid(id)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6960107009", "0010104048", "1234567890"})
    void acceptsTaxNumbersWithRightCheckDigit(String number) {
        assertThat(TaxNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6960107008", "1234567891", "123456789", "12345678901", "abcdefghij"})
    void refusesTaxNumbersWithWrongCheckDigitOrShape(String number) {
        assertThat(TaxNumber.isValid(number)).isFalse();
    }

    @Test
    void neverPrintsTheNumber() {
        assertThat(new NationalId("10000000146").toString()).doesNotContain("10000000146");
        assertThatThrownBy(() -> new TaxNumber("6960107008")).hasMessageNotContaining("6960107008");
    }
}

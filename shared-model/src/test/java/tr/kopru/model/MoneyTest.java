package tr.kopru.model;

import org.junit.jupiter.api.Test;
import tr.kopru.model.json.ContractJson;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void alwaysCarriesTwoDecimalPlacesOnTheWire() throws Exception {
        assertThat(ContractJson.mapper().writeValueAsString(Money.of("1234.5"))).isEqualTo("1234.50");
        assertThat(ContractJson.mapper().writeValueAsString(Money.of(new BigDecimal("7")))).isEqualTo("7.00");
        assertThat(ContractJson.mapper().readValue("99.9", Money.class)).isEqualTo(Money.of("99.90"));
    }

    @Test
    void refusesMoreThanTwoDecimalPlacesInsteadOfRounding() {
        assertThatThrownBy(() -> Money.of("10.005"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most two decimal places");
    }

    @Test
    void addsAndComparesExactly() {
        assertThat(Money.of("0.10").plus(Money.of("0.20"))).isEqualTo(Money.of("0.30"));
        assertThat(Money.of("5.00").minus(Money.of("7.25")).isNegative()).isTrue();
    }
}

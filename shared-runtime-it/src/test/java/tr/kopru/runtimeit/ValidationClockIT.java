package tr.kopru.runtimeit;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.PastOrPresent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ValidationClockIT {

    private static final ZoneId TURKEY = ZoneId.of("Europe/Istanbul");

    record PaidOn(@PastOrPresent LocalDate day) {
    }

    @Inject
    Validator validator;

    @Inject
    ValidatorFactory validatorFactory;

    @Test
    void datesAreJudgedByTurkeysCalendarWhateverTheMachinesZone() {
        assertThat(validator.validate(new PaidOn(LocalDate.now(TURKEY)))).isEmpty();
        assertThat(validator.validate(new PaidOn(LocalDate.now(TURKEY).plusDays(1)))).hasSize(1);
        // Between 21:00 and midnight UTC a UTC clock would still say yesterday: the zone itself is what is checked.
        assertThat(validatorFactory.getClockProvider().getClock().getZone()).isEqualTo(TURKEY);
    }
}

package tr.kopru.runtime.db;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionsTest {

    @Test
    void onlyTheFiltersGivenBecomeConditionsNumberedInOrderBeforeWhatFollows() {
        Conditions conditions = new Conditions().and("institution = ?", null).and("state = ?", "COLLECTED")
                .and("replace(upper(plate), ' ', '') = replace(upper(?), ' ', '')", "34 AB 1")
                .and("day = ?", LocalDate.of(2026, 12, 3));
        assertThat(conditions.where()).isEqualTo(" WHERE state = $1 AND replace(upper(plate), ' ', '') = "
                + "replace(upper($2), ' ', '') AND day = $3");
        assertThat(conditions.after(1)).isEqualTo("$4");
        assertThat(conditions.after(2)).isEqualTo("$5");
        var tuple = conditions.tuple(50, 0L);
        assertThat(tuple.size()).isEqualTo(5);
        assertThat(tuple.getValue(0)).isEqualTo("COLLECTED");
        assertThat(tuple.getValue(3)).isEqualTo(50);
    }

    @Test
    void withoutFiltersThereIsNoWhereAndTheFollowingParametersStartAtOne() {
        Conditions none = new Conditions().and("state = ?", null);
        assertThat(none.where()).isEmpty();
        assertThat(none.after(1)).isEqualTo("$1");
        assertThat(none.tuple().size()).isZero();
    }

    @Test
    void aTallyRefusesNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> new Tally("tally; DROP TABLE x", List.of("status"), "n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Tally("delivery_tally", List.of("status"), "deliveries").keys()).containsExactly("status");
    }
}

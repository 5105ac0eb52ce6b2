package tr.kopru.installation.service;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdSetTest {

    @Test
    void holdsWhatAHashSetHoldsThroughEveryGrowth() {
        IdSet ids = new IdSet();
        Set<Long> expected = new HashSet<>();
        Random random = new Random(23);
        for (int i = 0; i < 200_000; i++) {
            // consecutive ids, as UTTS numbers them, and scattered ones
            long id = i % 2 == 0 ? 100_000_001L + i : 1 + (random.nextLong() & 0xFFFF_FFFFL);
            assertThat(ids.add(id)).isEqualTo(expected.add(id));
        }
        assertThat(ids.size()).isEqualTo(expected.size());
        for (long id : expected) {
            assertThat(ids.contains(id)).isTrue();
        }
        assertThat(ids.add(100_000_001L)).isFalse();
        assertThat(ids.contains(99_999_999L)).isFalse();
    }

    @Test
    void refusesAnIdThatIsNotPositive() {
        assertThatThrownBy(() -> new IdSet().add(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

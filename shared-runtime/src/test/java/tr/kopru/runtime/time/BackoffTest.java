package tr.kopru.runtime.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void thePauseDoublesFromTheInitialOneUpToTheCeiling() {
        assertThat(backoff.before(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.before(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.before(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.before(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.before(10_000)).as("no overflow however many tries").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRetryNumberBelowOneIsTheFirst() {
        assertThat(backoff.before(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.before(-3)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aCeilingBelowTheInitialPauseIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

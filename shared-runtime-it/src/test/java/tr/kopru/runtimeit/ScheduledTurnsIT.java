package tr.kopru.runtimeit;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import tr.kopru.runtime.lock.ScheduledTurns;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas' timers firing for the same job run it once per interval: the second within the interval finds the
 * turn taken, the first after it takes the next one (as a surviving replica does when the other has died).
 */
@QuarkusTest
class ScheduledTurnsIT {

    @Inject
    ScheduledTurns turns;

    @Test
    void aJobRunsOncePerIntervalWhicheverReplicaFires() throws Exception {
        Duration interval = Duration.ofSeconds(2);
        AtomicInteger runs = new AtomicInteger();
        for (int replica = 0; replica < 2; replica++) {
            turns.inTurn("fixture-job", interval, () -> Uni.createFrom().item(runs.incrementAndGet()))
                    .await().atMost(Duration.ofSeconds(5));
        }
        assertThat(runs).hasValue(1);
        Thread.sleep(interval.toMillis());
        assertThat(turns.take("fixture-job", interval).await().atMost(Duration.ofSeconds(5))).isTrue();
        assertThat(turns.take("fixture-job", interval).await().atMost(Duration.ofSeconds(5))).isFalse();
        assertThat(turns.take("another-job", interval).await().atMost(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void replicasFiringAtOnceTakeOneTurnBetweenThem() {
        Duration interval = Duration.ofMinutes(5);
        List<Boolean> taken = Multi.createFrom().range(0, 6)
                .onItem().transformToUniAndMerge(i -> turns.take("racing-job", interval))
                .collect().asList().await().atMost(Duration.ofSeconds(10));
        assertThat(taken).containsOnlyOnce(true);
    }
}

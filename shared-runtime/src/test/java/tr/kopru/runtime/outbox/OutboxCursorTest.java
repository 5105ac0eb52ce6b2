package tr.kopru.runtime.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxCursorTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final OutboxCursor cursor = new OutboxCursor(Duration.ofSeconds(2));

    @Test
    void readsFromTheHeadFirstThenAfterTheLastPositionSent() {
        assertThat(cursor.readAfter(T0)).isZero();

        cursor.sent(List.of(1L, 2L, 3L), T0);

        assertThat(cursor.readAfter(T0)).isEqualTo(3);
    }

    @Test
    void whatIsBelowTheFirstRowReadIsAwaitedLikeAnyGap() {
        cursor.sent(List.of(500L, 501L), T0);

        assertThat(cursor.readAfter(T0.plusSeconds(1))).as("a transaction of before the start may still commit")
                .isZero();
        assertThat(cursor.readAfter(T0.plusSeconds(3))).isEqualTo(501);
    }

    @Test
    void aPositionSkippedByARead_isReadAgainUntilItsRowIsSent() {
        cursor.sent(List.of(1L, 2L), T0);
        cursor.sent(List.of(4L, 5L), T0);

        assertThat(cursor.readAfter(T0)).as("position 3 had not committed yet").isEqualTo(2);

        cursor.sent(List.of(3L, 6L), T0.plusMillis(10));

        assertThat(cursor.readAfter(T0.plusMillis(10))).isEqualTo(6);
    }

    @Test
    void aFilledPositionInsideAGapSplitsIt() {
        cursor.sent(List.of(1L, 10L), T0);

        cursor.sent(List.of(2L), T0);
        assertThat(cursor.readAfter(T0)).isEqualTo(2);

        cursor.sent(List.of(5L), T0);
        assertThat(cursor.readAfter(T0)).as("3..4 and 6..9 are still awaited").isEqualTo(2);

        cursor.sent(List.of(3L, 4L), T0);
        assertThat(cursor.readAfter(T0)).isEqualTo(5);

        cursor.sent(List.of(9L, 6L, 8L, 7L), T0);
        assertThat(cursor.readAfter(T0)).isEqualTo(10);
    }

    @Test
    void aGapIsAwaitedOnlyForTheGapWait() {
        cursor.sent(List.of(1L, 3L), T0);

        assertThat(cursor.readAfter(T0.plusSeconds(2))).isEqualTo(1);
        assertThat(cursor.readAfter(T0.plusSeconds(2).plusMillis(1))).as("position 2 rolled back, or is left to the poll")
                .isEqualTo(3);
    }

    @Test
    void aSweepReadsFromTheHeadOnceAndForgetsNothing() {
        cursor.sent(List.of(1L, 3L), T0);

        cursor.sweep();

        assertThat(cursor.readAfter(T0)).isZero();
        assertThat(cursor.readAfter(T0)).isEqualTo(1);
        cursor.sent(List.of(2L), T0);
        assertThat(cursor.readAfter(T0)).isEqualTo(3);
    }
}

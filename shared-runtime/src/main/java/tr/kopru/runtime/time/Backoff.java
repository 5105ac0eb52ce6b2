package tr.kopru.runtime.time;

import java.time.Duration;

/**
 * A doubling pause with a ceiling: {@code initial} before the first retry, twice that before the second, and so on up
 * to {@code max}. The one way Köprü waits between tries (the outbox relay, the resolver's questions, customs
 * deliveries).
 */
public record Backoff(Duration initial, Duration max) {

    /** Doublings beyond this would exceed any sensible ceiling (2^20 times the initial pause) and overflow soon after. */
    private static final int MOST_DOUBLINGS = 20;

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 <= initial <= max, not " + initial + " and " + max);
        }
    }

    /** The pause before try number {@code retry + 1}: {@code initial} for the first retry (1), doubling, at most max. */
    public Duration before(int retry) {
        Duration pause = initial.multipliedBy(1L << Math.min(Math.max(retry - 1, 0), MOST_DOUBLINGS));
        return pause.compareTo(max) > 0 ? max : pause;
    }
}

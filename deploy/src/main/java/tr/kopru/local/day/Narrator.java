package tr.kopru.local.day;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Prints the walk-through as it goes, checks each outcome, and waits for what happens in the background. */
final class Narrator {

    private int step;
    private Instant stepStarted = Instant.now();

    void step(String title) {
        step++;
        stepStarted = Instant.now();
        System.out.printf("%n%d. %s%n", step, title);
    }

    void say(String format, Object... args) {
        System.out.printf("   " + format + "%n", args);
    }

    /** Passes when {@code holds}; otherwise the walk-through fails, saying what was expected. */
    void check(boolean holds, String expectation, Object actual) {
        if (!holds) {
            throw new WalkthroughFailure(expectation + " (got " + actual + ")");
        }
        System.out.printf("   ✔ %s%n", expectation);
    }

    /** Asks {@code probe} until {@code done} accepts its answer, for at most {@code limit}; answers the last one. */
    <T> T await(String what, Duration limit, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(limit);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new WalkthroughFailure("waited " + limit.toSeconds() + " s for " + what + " (last: " + last + ")");
            }
            sleep();
            last = probe.get();
        }
        return last;
    }

    /** An amount as money reads: two decimals. */
    static String amount(com.fasterxml.jackson.databind.JsonNode value) {
        return value.isNumber() ? value.decimalValue().setScale(2, RoundingMode.HALF_EVEN).toPlainString()
                : value.asText();
    }

    long secondsInStep() {
        return Duration.between(stepStarted, Instant.now()).toSeconds();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalkthroughFailure("interrupted");
        }
    }
}

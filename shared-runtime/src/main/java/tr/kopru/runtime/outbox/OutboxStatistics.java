package tr.kopru.runtime.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What an operator wants to know about the outbox: how many events wait, how old the oldest one is, how many went
 * out or failed, and the last failure. Exposed as metrics ({@code kopru_outbox_*}) and in readiness details.
 */
@ApplicationScoped
public class OutboxStatistics {

    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldestPendingCreatedAt = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final Counter published;
    private final Counter failures;

    public OutboxStatistics(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        Gauge.builder("kopru.outbox.pending", pending, AtomicLong::get)
                .description("Events in the outbox not yet acknowledged by Kafka").register(registry);
        Gauge.builder("kopru.outbox.lag.seconds", this, s -> s.oldestPendingAge().toMillis() / 1000.0)
                .description("Age of the oldest event not yet published").register(registry);
        this.published = Counter.builder("kopru.outbox.published")
                .description("Events published and acknowledged").register(registry);
        this.failures = Counter.builder("kopru.outbox.publish.failures")
                .description("Relay runs that stopped on a failed send").register(registry);
    }

    void recordPending(long count, Instant oldestCreatedAt) {
        pending.set(count);
        oldestPendingCreatedAt.set(oldestCreatedAt);
    }

    void recordPublished(int count) {
        published.increment(count);
        // Between two counts of the table, a long drain still shows its progress.
        pending.updateAndGet(waiting -> Math.max(0, waiting - count));
        if (count > 0) {
            lastError.set(null);
        }
    }

    void recordFailure(String error) {
        failures.increment();
        lastError.set(error);
    }

    public long pending() {
        return pending.get();
    }

    /** Zero when nothing waits. */
    public Duration oldestPendingAge() {
        Instant oldest = oldestPendingCreatedAt.get();
        return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
    }

    /** The failure that stopped the last unsuccessful run, until a later run publishes again; null if none. */
    public String lastError() {
        return lastError.get();
    }
}

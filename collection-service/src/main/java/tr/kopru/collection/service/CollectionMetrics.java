package tr.kopru.collection.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.collection.repository.SweepRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The money figures an operations team watches, read from the database every few seconds (so every replica shows
 * the same): collections by state, the age of the oldest UNKNOWN and CANCEL_UNKNOWN, how many need an operator, the
 * sweep's anomalies; and, counted as they happen, failed auto-pay attempts ({@code kopru_autopay_failed_attempts_total}).
 */
@ApplicationScoped
@Startup
public class CollectionMetrics {

    /** Counted by {@link AutoCollector} as attempts fail. */
    static final String AUTOPAY_FAILED = "kopru.autopay.failed.attempts";

    private final CollectionRepository collections;
    private final SweepRepository sweeps;
    private final Clock clock;
    private final Map<CollectionState, AtomicLong> byState = new EnumMap<>(CollectionState.class);
    private final Map<CollectionState, AtomicReference<Instant>> oldest = new EnumMap<>(CollectionState.class);
    private final AtomicLong needsOperator = new AtomicLong();
    private final AtomicLong anomalies = new AtomicLong();

    public CollectionMetrics(CollectionRepository collections, SweepRepository sweeps, Clock clock,
                             MeterRegistry registry) {
        this.collections = collections;
        this.sweeps = sweeps;
        this.clock = clock;
        for (CollectionState state : CollectionState.values()) {
            AtomicLong count = new AtomicLong();
            byState.put(state, count);
            Gauge.builder("kopru.collections", count, AtomicLong::get).tag("state", state.name())
                    .description("Collections in each state").baseUnit("collections").register(registry);
        }
        for (CollectionState open : new CollectionState[] {CollectionState.UNKNOWN, CollectionState.CANCEL_UNKNOWN}) {
            AtomicReference<Instant> since = new AtomicReference<>();
            oldest.put(open, since);
            Gauge.builder("kopru.collections.oldest.open.age", since, s -> age(s.get())).tag("state", open.name())
                    .description("Age of the oldest collection whose outcome is open in this state (0 when none)")
                    .baseUnit("seconds").register(registry);
        }
        Gauge.builder("kopru.operator.collections", needsOperator, AtomicLong::get)
                .description("Collections the service could not settle by itself").baseUnit("collections")
                .register(registry);
        Gauge.builder("kopru.sweep.anomaly.receipts", anomalies, AtomicLong::get)
                .description("Receipts at our desks with a transaction number of ours that no collection knows")
                .baseUnit("receipts").register(registry);
        Counter.builder(AUTOPAY_FAILED)
                .description("Auto-pay attempts that did not collect").baseUnit("attempts").register(registry);
    }

    @Scheduled(every = "${kopru.collection.metrics.every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return refresh();
    }

    /** Reads the figures again. */
    public Uni<Void> refresh() {
        return collections.statistics().invoke(statistics -> byState.forEach((state, count) -> {
                    CollectionRepository.StateStatistics of = statistics.get(state);
                    count.set(of == null ? 0 : of.count());
                    if (oldest.containsKey(state)) {
                        oldest.get(state).set(of == null ? null : of.oldestCreatedAt());
                    }
                }))
                .chain(collections::countNeedsOperator).invoke(needsOperator::set)
                .chain(sweeps::countAnomalies).invoke(anomalies::set)
                .replaceWithVoid();
    }

    private double age(Instant since) {
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }
}

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
import tr.kopru.runtime.time.TurkeyTime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The money figures an operations team watches, read from the database every few seconds through partial indexes
 * (so every replica shows the same, and a large table costs no more): collections whose outcome is open by state
 * with the age of the oldest, today's collections by state, how many need an operator, the sweep's anomalies; and,
 * counted as they happen, failed auto-pay attempts ({@code kopru_autopay_failed_attempts_total}).
 */
@ApplicationScoped
@Startup
public class CollectionMetrics {

    /** Counted by {@link AutoCollector} as attempts fail. */
    static final String AUTOPAY_FAILED = "kopru.autopay.failed.attempts";
    private static final Set<CollectionState> OPEN = Set.of(CollectionState.PENDING, CollectionState.UNKNOWN,
            CollectionState.CANCELLING, CollectionState.CANCEL_UNKNOWN);

    private final CollectionRepository collections;
    private final SweepRepository sweeps;
    private final Clock clock;
    private final Map<CollectionState, AtomicLong> open = new EnumMap<>(CollectionState.class);
    private final Map<CollectionState, AtomicLong> today = new EnumMap<>(CollectionState.class);
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
            today.put(state, count);
            Gauge.builder("kopru.today.collections", count, AtomicLong::get).tag("state", state.name())
                    .description("Collections started today (Europe/Istanbul), by the state they are in")
                    .baseUnit("collections").register(registry);
        }
        for (CollectionState state : OPEN) {
            AtomicLong count = new AtomicLong();
            open.put(state, count);
            Gauge.builder("kopru.open.collections", count, AtomicLong::get).tag("state", state.name())
                    .description("Collections whose outcome is open, of any day").baseUnit("collections")
                    .register(registry);
            AtomicReference<Instant> since = new AtomicReference<>();
            oldest.put(state, since);
            Gauge.builder("kopru.collections.oldest.open.age", since, s -> age(s.get())).tag("state", state.name())
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
        Instant startOfToday = TurkeyTime.today(clock).atStartOfDay(TurkeyTime.ZONE).toInstant();
        return collections.openStatistics().invoke(statistics -> open.forEach((state, count) -> {
                    CollectionRepository.StateStatistics of = statistics.get(state);
                    count.set(of == null ? 0 : of.count());
                    oldest.get(state).set(of == null ? null : of.oldestCreatedAt());
                }))
                .chain(() -> collections.statisticsSince(startOfToday)).invoke(statistics -> today.forEach(
                        (state, count) -> count.set(statistics.containsKey(state) ? statistics.get(state).count() : 0)))
                .chain(collections::countNeedsOperator).invoke(needsOperator::set)
                .chain(sweeps::countAnomalies).invoke(anomalies::set)
                .replaceWithVoid();
    }

    private double age(Instant since) {
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }
}

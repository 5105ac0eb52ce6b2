package tr.kopru.reconciliation.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.reconciliation.domain.RunResult;
import tr.kopru.reconciliation.repository.RunRepository;
import tr.kopru.runtime.time.TurkeyTime;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each desk stands, from the database (so every replica reports the same): the result of its latest
 * reconciled day (MATCHED, MISMATCHED, or STALE when a payment event arrived after that run), that run's
 * discrepancies, and how many days ago that day was.
 */
@ApplicationScoped
public class ReconciliationMetrics {

    static final String STALE = "STALE";
    private static final List<String> RESULTS = List.of(RunResult.MATCHED.name(), RunResult.MISMATCHED.name(), STALE);

    private final RunRepository runs;
    private final Clock clock;
    private final MultiGauge result;
    private final MultiGauge discrepancies;
    private final MultiGauge dayAge;

    public ReconciliationMetrics(RunRepository runs, Clock clock, MeterRegistry registry) {
        this.runs = runs;
        this.clock = clock;
        this.result = MultiGauge.builder("kopru.reconciliation.result.desks")
                .description("1 for the result of the desk's latest reconciled day (MATCHED, MISMATCHED or STALE), "
                        + "0 for the others").baseUnit("desks").register(registry);
        this.discrepancies = MultiGauge.builder("kopru.reconciliation.desk.discrepancies")
                .description("Discrepancies of the desk's latest reconciled day").baseUnit("discrepancies")
                .register(registry);
        this.dayAge = MultiGauge.builder("kopru.reconciliation.desk.day.age")
                .description("Days from the desk's latest reconciled day to today (1: yesterday's is done)")
                .baseUnit("days").register(registry);
    }

    @Scheduled(every = "${kopru.reconciliation.metrics-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return runs.deskStates().invoke(this::publish).replaceWithVoid();
    }

    private void publish(List<RunRepository.DeskState> states) {
        List<MultiGauge.Row<?>> results = new ArrayList<>();
        List<MultiGauge.Row<?>> counts = new ArrayList<>();
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        var today = TurkeyTime.today(clock);
        for (RunRepository.DeskState state : states) {
            Tags desk = Tags.of("institution", state.institution(), "desk", Long.toString(state.deskId()));
            String now = state.stale() ? STALE : state.result().name();
            for (String each : RESULTS) {
                results.add(MultiGauge.Row.of(desk.and("result", each), each.equals(now) ? 1 : 0));
            }
            counts.add(MultiGauge.Row.of(desk, state.discrepancies()));
            ages.add(MultiGauge.Row.of(desk, ChronoUnit.DAYS.between(state.day(), today)));
        }
        result.register(results, true);
        discrepancies.register(counts, true);
        dayAge.register(ages, true);
    }
}

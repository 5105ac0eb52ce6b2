package tr.kopru.reconciliation.service;

import tr.kopru.runtime.time.TurkeyTime;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.flexcity.FlexCityTransport;
import tr.kopru.reconciliation.repository.RunRepository;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Reconciles yesterday for every configured institution and desk once a day, once across the replicas, and re-runs
 * days that went stale (a payment event arrived after their run). A desk that fails is logged and does not stop the
 * others.
 */
@ApplicationScoped
public class ReconciliationScheduler {

    public static final String DAILY = "SCHEDULE";
    public static final String STALE = "STALE";
    private static final Logger LOG = Logger.getLogger(ReconciliationScheduler.class);

    private final ReconciliationService reconciliation;
    private final RunRepository runs;
    private final FlexCityTransport institutions;
    private final Clock clock;

    public ReconciliationScheduler(ReconciliationService reconciliation, RunRepository runs,
                                   FlexCityTransport institutions, Clock clock) {
        this.reconciliation = reconciliation;
        this.runs = runs;
        this.institutions = institutions;
        this.clock = clock;
    }

    @Scheduled(cron = "${kopru.reconciliation.daily:0 30 6 * * ?}", timeZone = "Europe/Istanbul",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return reconcileEveryDesk(TurkeyTime.today(clock).minusDays(1)).replaceWithVoid();
    }

    /**
     * The daily turn for {@code day}: every configured institution's desk that has no run of that day yet. Every
     * replica fires it; each desk-day is reconciled once, by whichever gets there first. Answers how many it ran.
     */
    public Uni<Integer> reconcileEveryDesk(LocalDate day) {
        return Multi.createFrom().iterable(institutions.institutions())
                .onItem().transformToUniAndConcatenate(institution -> reconciliation
                        .reconcileIfNotYet(institution, reconciliation.deskOf(institution, null), day, DAILY)
                        .map(run -> run.isPresent() ? 1 : 0)
                        .onFailure().recoverWithItem(e -> {
                            LOG.errorf("Daily reconciliation of %s on %s failed: %s", institution, day,
                                    e.getMessage());
                            return 0;
                        }))
                .collect().asList().map(ran -> ran.stream().mapToInt(Integer::intValue).sum());
    }

    @Scheduled(every = "${kopru.reconciliation.stale-check:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> staleCheck() {
        return rerunStale().replaceWithVoid();
    }

    /** Re-runs the stale days; answers how many. */
    public Uni<Integer> rerunStale() {
        return runs.staleDays(50).chain(days -> Multi.createFrom().iterable(days)
                .onItem().transformToUniAndConcatenate(d -> reconciliation
                        .reconcile(d.institution(), d.deskId(), d.day(), STALE, false).replaceWithVoid()
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("Re-running stale %s desk %d on %s failed: %s", d.institution(), d.deskId(),
                                    d.day(), e.getMessage());
                            return null;
                        }))
                .collect().asList().replaceWith(days.size()));
    }
}

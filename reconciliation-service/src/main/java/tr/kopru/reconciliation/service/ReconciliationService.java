package tr.kopru.reconciliation.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.flexcity.FlexCityTransport;
import tr.kopru.reconciliation.client.DailyTotals;
import tr.kopru.reconciliation.client.FlexCityTotalsClient;
import tr.kopru.reconciliation.config.ReconciliationConfig;
import tr.kopru.reconciliation.domain.Discrepancy;
import tr.kopru.reconciliation.domain.ReceiptMatcher;
import tr.kopru.reconciliation.domain.ReconciliationRun;
import tr.kopru.reconciliation.domain.RunResult;
import tr.kopru.reconciliation.domain.Totals;
import tr.kopru.reconciliation.repository.LedgerRepository;
import tr.kopru.reconciliation.repository.RunRepository;
import tr.kopru.runtime.lock.DatabaseLocks;
import tr.kopru.runtime.rest.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.List;

/**
 * Reconciles one desk and day: our ledger's totals against TahsilIcmali; when they differ (or always, when so
 * configured) receipt by receipt against TahsilIcmaliDetay. A dry run stores nothing; a real one is stored as the
 * next version of the day. One run per desk and day at a time, across replicas.
 */
@ApplicationScoped
public class ReconciliationService {

    private static final Logger LOG = Logger.getLogger(ReconciliationService.class);

    private final LedgerRepository ledger;
    private final RunRepository runs;
    private final FlexCityTotalsClient flexCity;
    private final FlexCityTransport institutions;
    private final DatabaseLocks locks;
    private final ReconciliationConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    public ReconciliationService(LedgerRepository ledger, RunRepository runs, FlexCityTotalsClient flexCity,
                                 FlexCityTransport institutions, DatabaseLocks locks, ReconciliationConfig config,
                                 MeterRegistry metrics, Clock clock) {
        this.ledger = ledger;
        this.runs = runs;
        this.flexCity = flexCity;
        this.institutions = institutions;
        this.locks = locks;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The desk Köprü collects on at {@code institution}, unless another is named. */
    public long deskOf(String institution, Long deskId) {
        return deskId != null ? deskId : institutions.institution(institution).deskId();
    }

    public Uni<ReconciliationRun> reconcile(String institution, long deskId, LocalDate day, String trigger,
                                            boolean dryRun) {
        institutions.institution(institution);
        return locks.withLock(lockOf(institution, deskId, day), () -> run(institution, deskId, day, trigger, dryRun),
                () -> ApiException.conflict("Desk " + deskId + " of " + institution + " on " + day
                        + " is being reconciled right now"));
    }

    /**
     * Reconciles a desk-day that has no run yet, as a scheduled turn does: empty when it has one, or when another
     * replica is reconciling it right now. Checked under the desk-day's lock, so that of two replicas taking the same
     * turn, one runs it and the other leaves it.
     */
    public Uni<Optional<ReconciliationRun>> reconcileIfNotYet(String institution, long deskId, LocalDate day,
                                                             String trigger) {
        return locks.withLock(lockOf(institution, deskId, day), () -> runs.hasRun(institution, deskId, day)
                        .chain(done -> done ? Uni.createFrom().item(Optional.<ReconciliationRun>empty())
                                : run(institution, deskId, day, trigger, false).map(Optional::of)),
                () -> new TurnTakenException())
                .onFailure(TurnTakenException.class).recoverWithItem(Optional.empty());
    }

    /** Another replica holds the desk-day: its turn is being taken. */
    private static final class TurnTakenException extends RuntimeException {
        TurnTakenException() {
            super(null, null, false, false);
        }
    }

    private static String lockOf(String institution, long deskId, LocalDate day) {
        return "reconcile:" + institution + ":" + deskId + ":" + day;
    }

    private Uni<ReconciliationRun> run(String institution, long deskId, LocalDate day, String trigger,
                                       boolean dryRun) {
        return (dryRun ? compare(institution, deskId, day, trigger)
                : runs.begin(institution, deskId, day).chain(begun -> compare(institution, deskId, day, trigger)
                .chain(run -> runs.save(run, begun))))
                .invoke(run -> {
                    metrics.counter("kopru.reconciliation.runs", "result", run.result().name()).increment();
                    LOG.infof("Reconciliation of %s desk %d on %s (%s%s): %s, %d discrepancies", institution,
                            deskId, day, trigger, dryRun ? ", dry run" : "", run.result(), run.discrepancyCount());
                });
    }

    private Uni<ReconciliationRun> compare(String institution, long deskId, LocalDate day, String trigger) {
        Instant started = clock.instant();
        return ledger.totals(institution, deskId, day)
                .chain(ours -> flexCity.dailyTotals(institution, deskId, day).chain(totals -> {
                    Totals theirs = totals(totals);
                    boolean totalsAgree = ours.equals(theirs);
                    if (totalsAgree && !config.alwaysCompareReceipts()) {
                        return Uni.createFrom().item(run(institution, deskId, day, trigger, started, ours, theirs,
                                false, List.of()));
                    }
                    // FlexCity's receipts and our entries are fetched side by side: a busy day is 100k of each.
                    return Uni.combine().all().unis(flexCity.dailyReceipts(institution, deskId, day),
                                    ledger.entries(institution, deskId, day))
                            .with((receipts, entries) -> run(institution, deskId, day, trigger, started, ours, theirs,
                                    true, new ReceiptMatcher(config.amountTolerance())
                                            .match(entries, receipts, ours, theirs)));
                }));
    }

    private ReconciliationRun run(String institution, long deskId, LocalDate day, String trigger, Instant started,
                                  Totals ours, Totals theirs, boolean receiptsCompared, List<Discrepancy> found) {
        RunResult result = RunResult.of(ours, theirs, receiptsCompared, found);
        return new ReconciliationRun(null, institution, deskId, day, null, trigger, result, started, clock.instant(),
                ours, theirs, receiptsCompared, found.size(), found);
    }

    private static Totals totals(DailyTotals t) {
        return new Totals(t.collectedAmount(), t.collectedCount(), t.cancelledAmount(), t.cancelledCount());
    }
}

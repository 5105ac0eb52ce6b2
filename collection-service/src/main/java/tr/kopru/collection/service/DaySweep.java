package tr.kopru.collection.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.collection.client.FlexCityClient;
import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.repository.SweepRepository;
import tr.kopru.collection.repository.SweepRepository.DeskDay;
import tr.kopru.flexcity.FlexCityReceipt;
import tr.kopru.flexcity.FlexCityTransport;
import tr.kopru.runtime.lock.DatabaseLocks;
import tr.kopru.runtime.lock.ScheduledTurns;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.time.TurkeyTime;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The day-end sweep: for each desk and day, FlexCity's receipts of the day (TahsilIcmaliDetay) settle every
 * collection still UNKNOWN or rejected by the resolver alone: listed is COLLECTED with that receipt (the same
 * transition and payment-made a direct success gives), not listed confirms REJECTED once the day is over. A receipt
 * carrying one of our transaction numbers that no collection has is an anomaly, recorded for operators. Runs shortly
 * after midnight (Europe/Istanbul) over yesterday and any earlier day still open, and on demand; once at a time
 * across replicas.
 */
@ApplicationScoped
public class DaySweep {

    /** What a sweep settled. */
    public record Outcome(int deskDays, int collected, int rejected, int anomalies) {
    }

    private static final Logger LOG = Logger.getLogger(DaySweep.class);
    /** The sweep is daily: every replica's timer fires at the same hour, one of them takes the day's turn. */
    private static final Duration DAILY_TURN = Duration.ofHours(12);
    /** Our transaction numbers: see {@link tr.kopru.collection.domain.TransactionNumbers}. */
    private static final Pattern OURS = Pattern.compile("\\d{22}");

    private final SweepRepository sweeps;
    private final CollectionTransitions transitions;
    private final FlexCityClient flexCity;
    private final FlexCityTransport institutions;
    private final DatabaseLocks locks;
    private final ScheduledTurns turns;
    private final Clock clock;

    public DaySweep(SweepRepository sweeps, CollectionTransitions transitions, FlexCityClient flexCity,
                    FlexCityTransport institutions, DatabaseLocks locks, ScheduledTurns turns, Clock clock) {
        this.sweeps = sweeps;
        this.transitions = transitions;
        this.flexCity = flexCity;
        this.institutions = institutions;
        this.locks = locks;
        this.turns = turns;
        this.clock = clock;
    }

    @Scheduled(cron = "${kopru.collection.sweep.cron:0 20 0 * * ?}", timeZone = "Europe/Istanbul",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return turns.inTurn("day-sweep", DAILY_TURN, () -> sweep(null))
                .onFailure(ApiException.class).recoverWithNull().replaceWithVoid();
    }

    /**
     * Sweeps {@code day} at every institution's desk, or, when null, yesterday and every earlier desk-day with an
     * outcome still open.
     */
    public Uni<Outcome> sweep(LocalDate day) {
        LocalDate today = TurkeyTime.today(clock);
        return locks.withLock("day-sweep", () -> deskDays(day, today).chain(days -> {
            AtomicInteger collected = new AtomicInteger();
            AtomicInteger rejected = new AtomicInteger();
            AtomicInteger anomalies = new AtomicInteger();
            return Multi.createFrom().iterable(days)
                    .onItem().transformToUniAndConcatenate(deskDay -> sweep(deskDay, today, collected, rejected,
                            anomalies))
                    .collect().last()
                    .map(done -> new Outcome(days.size(), collected.get(), rejected.get(), anomalies.get()))
                    .invoke(outcome -> LOG.infof("Day-end sweep: %d desk-days, %d collections found booked, %d "
                                    + "confirmed not booked, %d unknown receipts of ours", outcome.deskDays(),
                            outcome.collected(), outcome.rejected(), outcome.anomalies()));
        }), () -> ApiException.conflict("A day-end sweep is running already"));
    }

    private Uni<List<DeskDay>> deskDays(LocalDate day, LocalDate today) {
        LocalDate swept = day != null ? day : today.minusDays(1);
        List<DeskDay> everyDesk = institutions.institutions().stream().sorted()
                .map(code -> new DeskDay(code, institutions.institution(code).deskId(), swept)).toList();
        if (day != null) {
            return Uni.createFrom().item(everyDesk);
        }
        return sweeps.open(today).map(open -> {
            Set<DeskDay> all = new LinkedHashSet<>(open);
            all.addAll(everyDesk);
            return new ArrayList<>(all);
        });
    }

    private Uni<Void> sweep(DeskDay deskDay, LocalDate today, AtomicInteger collected, AtomicInteger rejected,
                            AtomicInteger anomalies) {
        boolean dayOver = deskDay.day().isBefore(today);
        return flexCity.dailyReceipts(deskDay.institution(), deskDay.deskId(), deskDay.day())
                .chain(receipts -> sweeps.toSettle(deskDay).chain(open -> {
                    Map<String, FlexCityReceipt> byTransaction = receipts.stream()
                            .filter(r -> r.islemNo() != null)
                            .collect(Collectors.toMap(FlexCityReceipt::islemNo, Function.identity(), (a, b) -> a));
                    return Multi.createFrom().iterable(open)
                            .onItem().transformToUniAndConcatenate(c -> settle(c, byTransaction.get(c.transactionNumber()),
                                    dayOver, collected, rejected))
                            .collect().last()
                            .chain(() -> recordAnomalies(deskDay, receipts))
                            .invoke(anomalies::addAndGet)
                            .replaceWithVoid();
                }))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Day-end sweep of %s desk %d on %s failed and is left for the next sweep: %s",
                            deskDay.institution(), deskDay.deskId(), deskDay.day(), failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> settle(Collection open, FlexCityReceipt listed, boolean dayOver, AtomicInteger collected,
                             AtomicInteger rejected) {
        Uni<Collection> settled;
        if (listed != null) {
            settled = transitions.collected(open, listed, "day-end sweep: the day's receipts list it")
                    .invoke(c -> collected.incrementAndGet());
        } else if (dayOver) {
            settled = transitions.rejected(open, SweepRepository.NOT_BOOKED, "day-end sweep: the day's receipts "
                    + "(TahsilIcmaliDetay) do not list transaction " + open.transactionNumber())
                    .invoke(c -> rejected.incrementAndGet());
        } else {
            return Uni.createFrom().voidItem();
        }
        return settled.invoke(c -> LOG.infof("Collection %s (transaction %s) settled by the day-end sweep: %s -> %s",
                        open.id(), open.transactionNumber(), open.state(), c.state()))
                .replaceWithVoid()
                .onFailure(CollectionMovedException.class).recoverWithNull();
    }

    private Uni<Integer> recordAnomalies(DeskDay deskDay, List<FlexCityReceipt> receipts) {
        List<String> ours = receipts.stream().map(FlexCityReceipt::islemNo)
                .filter(n -> n != null && OURS.matcher(n).matches()).toList();
        return sweeps.unknown(deskDay.institution(), ours).chain(unknown -> {
            List<FlexCityReceipt> strays = receipts.stream().filter(r -> unknown.contains(r.islemNo())).toList();
            strays.forEach(r -> LOG.errorf("Day-end sweep: %s desk %d on %s has receipt %d with our transaction "
                            + "number %s, which no collection knows", deskDay.institution(), deskDay.deskId(),
                    deskDay.day(), r.bgsTahsilGenelId(), r.islemNo()));
            return sweeps.recordAnomalies(deskDay, strays, clock.instant());
        });
    }
}

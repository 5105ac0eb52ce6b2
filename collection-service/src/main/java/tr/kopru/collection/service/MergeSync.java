package tr.kopru.collection.service;

import tr.kopru.runtime.time.TurkeyTime;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.collection.client.FlexCityClient;
import tr.kopru.collection.client.FlexCityMerge;
import tr.kopru.collection.config.CollectionConfig;
import tr.kopru.collection.repository.AppliedMergeRepository;
import tr.kopru.collection.repository.FoundDebtRepository;
import tr.kopru.collection.repository.StandingInstructionRepository;
import tr.kopru.flexcity.FlexCityTransport;
import tr.kopru.runtime.lock.DatabaseLocks;
import tr.kopru.runtime.lock.ScheduledTurns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * Applies FlexCity's taxpayer merges: the instructions and found debts of a merged-away taxpayer's declaration move
 * to the id it became; a split moves nothing and is reported. Each is applied once (remembered in applied_merge), so
 * the look-back window may overlap.
 */
@ApplicationScoped
public class MergeSync {

    private static final Logger LOG = Logger.getLogger(MergeSync.class);
    /** FlexCity's durumu of a merge: the old taxpayer record now lives on as the new one. */
    static final String MERGED = "BIRLESTIRILDI";
    /** FlexCity's durumu of a split: a declaration went to a new taxpayer; the old one lives on. */
    static final String SPLIT = "AYRILDI";

    private final Pool pool;
    private final DatabaseLocks locks;
    private final ScheduledTurns turns;
    private final FlexCityTransport institutions;
    private final FlexCityClient flexCity;
    private final StandingInstructionRepository instructions;
    private final FoundDebtRepository debts;
    private final AppliedMergeRepository merges;
    private final CollectionConfig.Merges config;
    private final Clock clock;

    public MergeSync(Pool pool, DatabaseLocks locks, ScheduledTurns turns, FlexCityTransport institutions, FlexCityClient flexCity,
                     StandingInstructionRepository instructions, FoundDebtRepository debts,
                     AppliedMergeRepository merges, CollectionConfig config, Clock clock) {
        this.pool = pool;
        this.locks = locks;
        this.turns = turns;
        this.institutions = institutions;
        this.flexCity = flexCity;
        this.instructions = instructions;
        this.debts = debts;
        this.merges = merges;
        this.config = config.merges();
        this.clock = clock;
    }

    @Scheduled(every = "${kopru.collection.merges.every:24h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return turns.inTurn("taxpayer-merges", DurationConverter.parseDuration(config.every()), this::applyAll)
                .onFailure().invoke(e -> LOG.warnf("Applying taxpayer merges failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Applies the merges of every institution in the look-back window; answers how many instructions moved. */
    public Uni<Integer> applyAll() {
        LocalDate today = TurkeyTime.today(clock);
        LocalDate from = today.minusDays(config.lookBack().toDays());
        return locks.withLock("taxpayer-merges", () -> Multi.createFrom().iterable(institutions.institutions())
                        .onItem().transformToUniAndConcatenate(institution -> flexCity.merges(institution, from, today)
                                .chain(merges -> Multi.createFrom().iterable(merges)
                                        .onItem().transformToUniAndConcatenate(m -> apply(institution, m))
                                        .collect().with(Collectors.summingInt(Integer::intValue))))
                        .collect().with(Collectors.summingInt(Integer::intValue)),
                () -> new IllegalStateException("taxpayer merges are being applied already"));
    }

    /**
     * A merge (BIRLESTIRILDI) moves the old taxpayer's instructions and found debts of its declaration (all of them
     * when it names none) to the new taxpayer. A split (AYRILDI) moves nothing: the old taxpayer lives on, and the
     * instructions of the split-off declaration are counted and named in the log for an operator to check. Each is
     * taken into account once.
     */
    private Uni<Integer> apply(String institution, FlexCityMerge merge) {
        Instant now = clock.instant();
        Long declaration = merge.beyanId() == null || merge.beyanId() == 0 ? null : merge.beyanId();
        return pool.withTransaction(tx -> merges.record(tx, institution, merge, now).chain(fresh -> {
            if (!fresh) {
                return Uni.createFrom().item(0);
            }
            if (MERGED.equals(merge.durumu())) {
                return instructions.moveTaxpayer(tx, institution, merge.eskiSbsMuhatapId(), merge.yeniSbsMuhatapId(),
                                declaration, now)
                        .call(moved -> debts.moveTaxpayer(tx, institution, merge.eskiSbsMuhatapId(),
                                merge.yeniSbsMuhatapId(), declaration))
                        .call(moved -> merges.countInstructions(tx, institution, merge, moved))
                        .invoke(moved -> {
                            if (moved > 0) {
                                LOG.infof("Taxpayer %d of %s merged into %d (declaration %s): %d instruction(s) moved",
                                        merge.eskiSbsMuhatapId(), institution, merge.yeniSbsMuhatapId(),
                                        declaration == null ? "all" : declaration, moved);
                            }
                        });
            }
            return instructions.countOfTaxpayer(tx, institution, merge.eskiSbsMuhatapId(), declaration)
                    .call(concerned -> merges.countInstructions(tx, institution, merge, concerned))
                    .invoke(concerned -> {
                        if (concerned > 0) {
                            LOG.warnf("Taxpayer %d of %s: declaration %s %s (%s) to taxpayer %d; %d instruction(s) "
                                            + "stay under %d and were not moved: an operator should check them",
                                    merge.eskiSbsMuhatapId(), institution, declaration == null ? "(none named)" : declaration,
                                    SPLIT.equals(merge.durumu()) ? "was split off" : "changed", merge.durumu(),
                                    merge.yeniSbsMuhatapId(), concerned, merge.eskiSbsMuhatapId());
                        }
                    })
                    .replaceWith(0);
        }));
    }
}

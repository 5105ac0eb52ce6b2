package tr.kopru.collection.service;

import tr.kopru.runtime.time.TurkeyTime;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.collection.client.FlexCityClient;
import tr.kopru.collection.client.FlexCityMerge;
import tr.kopru.collection.config.CollectionConfig;
import tr.kopru.collection.repository.FoundDebtRepository;
import tr.kopru.collection.repository.StandingInstructionRepository;
import tr.kopru.flexcity.FlexCityTransport;
import tr.kopru.runtime.lock.DatabaseLocks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Applies FlexCity's taxpayer merges: the instructions and found debts of a merged-away taxpayer id move to the id
 * it became. Each merge is applied once (remembered in applied_merge), so the look-back window may overlap.
 */
@ApplicationScoped
public class MergeSync {

    private static final Logger LOG = Logger.getLogger(MergeSync.class);

    private final Pool pool;
    private final DatabaseLocks locks;
    private final FlexCityTransport institutions;
    private final FlexCityClient flexCity;
    private final StandingInstructionRepository instructions;
    private final FoundDebtRepository debts;
    private final CollectionConfig.Merges config;
    private final Clock clock;

    public MergeSync(Pool pool, DatabaseLocks locks, FlexCityTransport institutions, FlexCityClient flexCity,
                     StandingInstructionRepository instructions, FoundDebtRepository debts, CollectionConfig config,
                     Clock clock) {
        this.pool = pool;
        this.locks = locks;
        this.institutions = institutions;
        this.flexCity = flexCity;
        this.instructions = instructions;
        this.debts = debts;
        this.config = config.merges();
        this.clock = clock;
    }

    @Scheduled(every = "${kopru.collection.merges.every:24h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return applyAll().onFailure().invoke(e -> LOG.warnf("Applying taxpayer merges failed: %s", e.getMessage()))
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
                                        .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue))))
                        .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue)),
                () -> new IllegalStateException("taxpayer merges are being applied already"));
    }

    private Uni<Integer> apply(String institution, FlexCityMerge merge) {
        Instant now = clock.instant();
        long declaration = merge.beyanId() == null ? 0 : merge.beyanId();
        return pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO applied_merge (institution, old_taxpayer_id, "
                        + "new_taxpayer_id, declaration_id, merged_on, status, instructions, applied_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, 0, $7) ON CONFLICT DO NOTHING")
                .execute(Tuple.from(new Object[] {institution, merge.eskiSbsMuhatapId(), merge.yeniSbsMuhatapId(),
                        declaration, merge.islemTarihi(), merge.durumu(), now.atOffset(java.time.ZoneOffset.UTC)}))
                .chain(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().item(0)
                        : instructions.moveTaxpayer(tx, institution, merge.eskiSbsMuhatapId(), merge.yeniSbsMuhatapId(), now)
                        .call(moved -> debts.moveTaxpayer(tx, institution, merge.eskiSbsMuhatapId(),
                                merge.yeniSbsMuhatapId()))
                        .call(moved -> tx.preparedQuery("UPDATE applied_merge SET instructions = $5 WHERE institution = $1 "
                                        + "AND old_taxpayer_id = $2 AND new_taxpayer_id = $3 AND declaration_id = $4")
                                .execute(Tuple.of(institution, merge.eskiSbsMuhatapId(), merge.yeniSbsMuhatapId(),
                                        declaration, moved)))))
                .invoke(moved -> {
                    if (moved > 0) {
                        LOG.infof("Taxpayer %d of %s merged into %d: %d instruction(s) moved", merge.eskiSbsMuhatapId(),
                                institution, merge.yeniSbsMuhatapId(), moved);
                    }
                });
    }
}

package tr.kopru.collection.service;

import tr.kopru.runtime.time.TurkeyTime;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.collection.client.FlexCityClient;
import tr.kopru.collection.client.FlexCityInvoiceDebt;
import tr.kopru.collection.config.CollectionConfig;
import tr.kopru.collection.domain.FoundDebt;
import tr.kopru.collection.domain.ScanRun;
import tr.kopru.collection.domain.StandingInstruction;
import tr.kopru.collection.repository.FoundDebtRepository;
import tr.kopru.collection.repository.ScanRunRepository;
import tr.kopru.collection.repository.StandingInstructionRepository;
import tr.kopru.model.Money;
import tr.kopru.model.event.DebtFound;
import tr.kopru.model.event.EventType;
import tr.kopru.runtime.lock.DatabaseLocks;
import tr.kopru.runtime.lock.ScheduledTurns;
import tr.kopru.runtime.outbox.Outbox;
import tr.kopru.runtime.outbox.OutboxMessage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scans the due standing instructions in batches: one FindAllBorcSorgu per batch of declarations; every invoice
 * not found before is stored and announced (debt-found) in the batch's transaction, and paid at once for
 * instructions that ask for it. One scan at a time across replicas; its counters move batch by batch.
 */
@ApplicationScoped
public class InstructionScanner {

    public static final String SCHEDULED = "SCHEDULE";
    public static final String ON_DEMAND = "API";
    private static final Logger LOG = Logger.getLogger(InstructionScanner.class);
    /** Sorts before every UUID the way PostgreSQL compares them (unsigned, byte by byte). */
    private static final UUID BEFORE_ALL = new UUID(0, 0);

    private final Pool pool;
    private final DatabaseLocks locks;
    private final ScheduledTurns turns;
    private final StandingInstructionRepository instructions;
    private final FoundDebtRepository debts;
    private final ScanRunRepository runs;
    private final FlexCityClient flexCity;
    private final AutoCollector autoCollector;
    private final Outbox outbox;
    private final CollectionConfig.Scan config;
    private final MeterRegistry metrics;
    private final Clock clock;

    public InstructionScanner(Pool pool, DatabaseLocks locks, ScheduledTurns turns, StandingInstructionRepository instructions,
                              FoundDebtRepository debts, ScanRunRepository runs, FlexCityClient flexCity,
                              AutoCollector autoCollector, Outbox outbox, CollectionConfig config,
                              MeterRegistry metrics, Clock clock) {
        this.pool = pool;
        this.locks = locks;
        this.turns = turns;
        this.instructions = instructions;
        this.debts = debts;
        this.runs = runs;
        this.flexCity = flexCity;
        this.autoCollector = autoCollector;
        this.outbox = outbox;
        this.config = config.scan();
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${kopru.collection.scan.every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return turns.inTurn("instruction-scan", DurationConverter.parseDuration(config.every()),
                        () -> scan(SCHEDULED, false, run -> { }))
                .onFailure(ScanAlreadyRunningException.class).recoverWithNull()
                .replaceWithVoid();
    }

    /** Starts a scan and answers its run once recorded; the batches go on in the background. */
    public Uni<ScanRun> start(String trigger, boolean everyone) {
        return Uni.createFrom().emitter(started -> scan(trigger, everyone, started::complete)
                .subscribe().with(run -> { }, started::fail));
    }

    /** A whole scan: the due instructions (all active ones when {@code everyone}); answers the finished run. */
    public Uni<ScanRun> scan(String trigger, boolean everyone, Consumer<ScanRun> onStarted) {
        LocalDate today = TurkeyTime.today(clock);
        return locks.withLock("instruction-scan", () -> instructions.countDue(today, everyone)
                        .chain(total -> runs.start(trigger, total, clock.instant()))
                        .invoke(onStarted)
                        .chain(run -> batches(run, today, everyone)
                                .chain(() -> runs.finish(run.id(), "SUCCEEDED", null, clock.instant()))
                                .onFailure().recoverWithUni(failure -> {
                                    LOG.errorf("Scan %d failed: %s", run.id(), failure.getMessage());
                                    return runs.finish(run.id(), "FAILED", failure.getMessage(), clock.instant());
                                }))
                        .invoke(done -> LOG.infof("Scan %d %s: %d of %d instructions, %d invoices seen, %d new, "
                                        + "%d collections started, %d failed, %d failed batches", done.id(), done.status(),
                                done.instructionsScanned(), done.instructionsTotal(), done.invoicesSeen(),
                                done.debtsFound(), done.collectionsStarted(), done.collectionsFailed(),
                                done.failedBatches())),
                ScanAlreadyRunningException::new);
    }

    /** Walks the due instructions batch by batch (keyset), {@code concurrency} batches in flight. */
    private Uni<Void> batches(ScanRun run, LocalDate today, boolean everyone) {
        BatchCursor cursor = new BatchCursor();
        return Multi.createBy().repeating().uni(() -> cursor.next(after -> instructions.dueBatch(today, everyone,
                        after, config.batchSize())))
                .whilst(batch -> batch.size() == config.batchSize())
                .filter(batch -> !batch.isEmpty())
                .onItem().transformToUni(batch -> scanBatch(run, batch, today)).merge(Math.max(1, config.concurrency()))
                .collect().last().replaceWithVoid();
    }

    /** Hands out batches in id order: the next one starts after the last id of the one before. */
    private static final class BatchCursor {
        private UUID after = BEFORE_ALL;

        synchronized Uni<List<StandingInstruction>> next(Function<UUID, Uni<List<StandingInstruction>>> fetch) {
            return fetch.apply(after).invoke(batch -> {
                if (!batch.isEmpty()) {
                    after = batch.get(batch.size() - 1).id();
                }
            });
        }
    }

    private Uni<Void> scanBatch(ScanRun run, List<StandingInstruction> batch, LocalDate today) {
        Map<String, List<StandingInstruction>> byInstitution = batch.stream()
                .collect(Collectors.groupingBy(StandingInstruction::institution));
        return Multi.createFrom().iterable(byInstitution.entrySet())
                .onItem().transformToUniAndConcatenate(group -> scanGroup(run, group.getKey(), group.getValue(), today)
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("Scan %d: a batch of %d instructions of %s failed and is left for the next scan: %s",
                                    run.id(), group.getValue().size(), group.getKey(), failure.getMessage());
                            return runs.countFailedBatch(run.id());
                        }))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> scanGroup(ScanRun run, String institution, List<StandingInstruction> group, LocalDate today) {
        Map<Long, StandingInstruction> byDeclaration = group.stream()
                .collect(Collectors.toMap(StandingInstruction::declarationId, Function.identity(), (a, b) -> a));
        return flexCity.debtsOfDeclarations(institution, List.copyOf(byDeclaration.keySet()))
                .chain(open -> record(run, institution, group, byDeclaration, open, today))
                .chain(found -> autoCollector.collect(run, found));
    }

    /**
     * Stores the batch's new invoices, their events and the instructions' next scan day in one transaction; answers
     * the open invoices of auto-pay instructions to pay now.
     */
    private Uni<List<AutoCollector.Due>> record(ScanRun run, String institution, List<StandingInstruction> group,
                                                Map<Long, StandingInstruction> byDeclaration,
                                                List<FlexCityInvoiceDebt> open, LocalDate today) {
        Instant now = clock.instant();
        List<FoundDebt> seen = new ArrayList<>();
        for (FlexCityInvoiceDebt debt : open) {
            StandingInstruction instruction = byDeclaration.get(debt.bgsBeyanId());
            if (instruction != null && debt.faturaNo() != null) {
                seen.add(new FoundDebt(institution, debt.faturaNo(), debt.bgsBeyanId(),
                        debt.sbsMuhatapId() != null ? debt.sbsMuhatapId() : instruction.taxpayerId(), debt.vadeTarihi(),
                        Money.of(debt.borcTutari()), Money.of(debt.gecikmeZammi()), Money.of(debt.toplam()),
                        instruction.id()));
            }
        }
        return pool.withTransaction(tx -> debts.insertNew(tx, seen, run.id(), now).chain(inserted -> {
            List<FoundDebt> fresh = seen.stream().filter(d -> inserted.contains(d.invoiceNumber())).toList();
            List<OutboxMessage> events = fresh.stream().map(d -> outbox.message(EventType.DEBT_FOUND,
                    d.institution() + ":" + d.declarationId(), new DebtFound(d.institution(), d.declarationId(),
                            d.taxpayerId() == null ? 0 : d.taxpayerId(), d.invoiceNumber(), d.dueDate(), d.debt(),
                            d.lateSurcharge(), d.total(), d.standingInstructionId().toString(), now))).toList();
            return outbox.appendAll(tx, events)
                    .chain(() -> instructions.markScanned(tx, group.stream().map(StandingInstruction::id).toList(),
                            today, now))
                    .chain(() -> runs.countBatch(tx, run.id(), group.size(), seen.size(), fresh.size()))
                    .replaceWith(fresh);
        })).invoke(fresh -> {
            metrics.counter("kopru.collections.scan.instructions").increment(group.size());
            metrics.counter("kopru.collections.scan.debts.found").increment(fresh.size());
        }).chain(() -> {
            // Every open invoice of an auto-pay instruction, new or seen before: one not paid yet is paid again.
            Set<UUID> paying = group.stream().filter(StandingInstruction::autoCollect).map(StandingInstruction::id)
                    .collect(Collectors.toSet());
            return autoCollector.due(institution, seen.stream()
                    .filter(d -> paying.contains(d.standingInstructionId())).toList());
        });
    }
}

package tr.kopru.collection.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.collection.client.FlexCityClient;
import tr.kopru.collection.client.FlexCityInvoiceDebt;
import tr.kopru.collection.config.CollectionConfig;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.collection.domain.FoundDebt;
import tr.kopru.collection.domain.ScanRun;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.collection.repository.ScanRunRepository;
import tr.kopru.flexcity.FlexCityResultCode;
import tr.kopru.model.Money;
import tr.kopru.model.event.PaymentChannel;
import tr.kopru.runtime.time.TurkeyTime;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pays the open invoices a scan saw for instructions that ask for it, through the same safe path as our API. An
 * invoice still open and not held by a collection is paid again by later scans (after a refusal, a NOT_SENT, or a
 * restart between the scan and the payment), each time as a new attempt with its own Idempotency-Key (so a re-run
 * of the same scan never pays twice), up to {@code max-attempts}. A changed amount (0512) is queried again and its
 * current total paid as the next attempt.
 */
@ApplicationScoped
public class AutoCollector {

    /** An open invoice to pay now, and the number of this attempt. */
    public record Due(FoundDebt debt, int attempt) {
    }

    static final String REQUESTED_BY = "standing-instruction";
    private static final Logger LOG = Logger.getLogger(AutoCollector.class);

    private final CollectionService collections;
    private final CollectionRepository stored;
    private final FlexCityClient flexCity;
    private final ScanRunRepository runs;
    private final CollectionConfig.Scan config;
    private final MeterRegistry metrics;
    private final Clock clock;

    public AutoCollector(CollectionService collections, CollectionRepository stored, FlexCityClient flexCity,
                         ScanRunRepository runs, CollectionConfig config, MeterRegistry metrics, Clock clock) {
        this.collections = collections;
        this.stored = stored;
        this.flexCity = flexCity;
        this.runs = runs;
        this.config = config.scan();
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Of the open invoices of auto-pay instructions a scan saw, those to pay now, with their attempt numbers. */
    public Uni<List<Due>> due(String institution, List<FoundDebt> open) {
        if (open.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return stored.autoPayState(institution, open.stream().map(FoundDebt::invoiceNumber).distinct().toList())
                .map(states -> {
                    List<Due> due = new ArrayList<>();
                    for (FoundDebt debt : open) {
                        CollectionRepository.AutoPayState state = states.get(debt.invoiceNumber());
                        if (!state.held() && state.attempts() < config.maxAttempts()) {
                            due.add(new Due(debt, state.attempts() + 1));
                        }
                    }
                    return due;
                });
    }

    public Uni<Void> collect(ScanRun run, List<Due> due) {
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        LocalDate today = TurkeyTime.today(clock);
        AtomicLong started = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        return Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(d -> pay(d, today)
                        .invoke(state -> (state == CollectionState.REJECTED ? failed : started).incrementAndGet())
                        .replaceWithVoid()
                        .onFailure().recoverWithItem(failure -> {
                            failed.incrementAndGet();
                            LOG.warnf("Scan %d: auto-pay attempt %d of invoice %s of instruction %s failed: %s",
                                    run.id(), d.attempt(), d.debt().invoiceNumber(), d.debt().standingInstructionId(),
                                    failure.getMessage());
                            return null;
                        }))
                .collect().last()
                .invoke(() -> metrics.counter(CollectionMetrics.AUTOPAY_FAILED).increment(failed.get()))
                .chain(() -> runs.countCollections(run.id(), started.get(), failed.get()));
    }

    /** One attempt; a 0512 (the surcharge moved) is paid again at FlexCity's current total as the next attempt. */
    private Uni<CollectionState> pay(Due due, LocalDate today) {
        return collections.collect(command(due, today)).map(result -> result.collection().state())
                .onFailure(e -> amountChanged(e) && due.attempt() < config.maxAttempts())
                .recoverWithUni(e -> current(due.debt()).chain(total -> {
                    if (total.isEmpty()) {
                        return Uni.createFrom().failure(e);
                    }
                    LOG.infof("Auto-pay of invoice %s: the amount changed (0512); paying FlexCity's current total",
                            due.debt().invoiceNumber());
                    return pay(new Due(withTotal(due.debt(), total.get()), due.attempt() + 1), today);
                }));
    }

    private static boolean amountChanged(Throwable failure) {
        return failure instanceof CollectionRefusedException refused && refused.collection() != null
                && FlexCityResultCode.AMOUNT_MISMATCH.code().equals(refused.collection().resultCode());
    }

    private Uni<Optional<FlexCityInvoiceDebt>> current(FoundDebt debt) {
        return flexCity.debts(debt.institution(), null, debt.declarationId())
                .map(debts -> debts.stream().filter(d -> debt.invoiceNumber().equals(d.faturaNo())).findFirst());
    }

    private static FoundDebt withTotal(FoundDebt debt, FlexCityInvoiceDebt current) {
        return new FoundDebt(debt.institution(), debt.invoiceNumber(), debt.declarationId(), debt.taxpayerId(),
                debt.dueDate(), Money.of(current.borcTutari()), Money.of(current.gecikmeZammi()),
                Money.of(current.toplam()), debt.standingInstructionId());
    }

    private static CollectCommand command(Due due, LocalDate today) {
        FoundDebt debt = due.debt();
        String key = "instruction:" + debt.standingInstructionId() + ":" + debt.invoiceNumber() + ":" + due.attempt();
        return new CollectCommand(debt.institution(), debt.invoiceNumber(), debt.declarationId(), debt.total(), today,
                PaymentChannel.STANDING_INSTRUCTION, REQUESTED_BY, key, key, debt.standingInstructionId());
    }
}

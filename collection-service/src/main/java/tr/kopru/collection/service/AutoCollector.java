package tr.kopru.collection.service;

import tr.kopru.runtime.time.TurkeyTime;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.collection.domain.FoundDebt;
import tr.kopru.collection.domain.ScanRun;
import tr.kopru.collection.repository.ScanRunRepository;
import tr.kopru.model.event.PaymentChannel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pays the invoices a scan found for instructions that ask for it, through the same safe path as our API (with an
 * Idempotency-Key per instruction and invoice, so a re-run of the scan never pays twice).
 */
@ApplicationScoped
public class AutoCollector {

    /** A found invoice to pay now. */
    public record Due(FoundDebt debt) {
    }

    static final String REQUESTED_BY = "standing-instruction";
    private static final Logger LOG = Logger.getLogger(AutoCollector.class);

    private final CollectionService collections;
    private final ScanRunRepository runs;
    private final Clock clock;

    public AutoCollector(CollectionService collections, ScanRunRepository runs, Clock clock) {
        this.collections = collections;
        this.runs = runs;
        this.clock = clock;
    }

    public Uni<Void> collect(ScanRun run, List<Due> due) {
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        LocalDate today = TurkeyTime.today(clock);
        AtomicLong started = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        return Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(d -> collections.collect(command(d.debt(), today))
                        .invoke(result -> (result.collection().state() == CollectionState.REJECTED ? failed : started)
                                .incrementAndGet())
                        .replaceWithVoid()
                        .onFailure().recoverWithItem(failure -> {
                            failed.incrementAndGet();
                            LOG.warnf("Scan %d: paying invoice %s of instruction %s failed: %s", run.id(),
                                    d.debt().invoiceNumber(), d.debt().standingInstructionId(), failure.getMessage());
                            return null;
                        }))
                .collect().last()
                .chain(() -> runs.countCollections(run.id(), started.get(), failed.get()));
    }

    private static CollectCommand command(FoundDebt debt, LocalDate today) {
        String key = "instruction:" + debt.standingInstructionId() + ":" + debt.invoiceNumber();
        return new CollectCommand(debt.institution(), debt.invoiceNumber(), debt.declarationId(), debt.total(), today,
                PaymentChannel.STANDING_INSTRUCTION, REQUESTED_BY, key, key, debt.standingInstructionId());
    }
}

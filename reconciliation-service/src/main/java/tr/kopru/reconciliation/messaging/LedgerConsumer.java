package tr.kopru.reconciliation.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import tr.kopru.model.event.EventType;
import tr.kopru.model.event.PaymentCancelled;
import tr.kopru.model.event.PaymentMade;
import tr.kopru.reconciliation.repository.LedgerWriter;
import tr.kopru.runtime.messaging.IdempotentBatchConsumer;

import java.util.List;
import java.util.Set;

/**
 * Builds the ledger from payment-made and payment-cancelled, a Kafka batch per transaction, each event once. The two
 * topics are not ordered with respect to each other: either event may create the entry and the other completes it,
 * so both orders end in the same row. An event for a day already reconciled marks that day stale.
 */
@ApplicationScoped
public class LedgerConsumer {

    static final String CONSUMER = "reconciliation-ledger";

    private final IdempotentBatchConsumer consumer;
    private final LedgerWriter ledger;

    public LedgerConsumer(IdempotentBatchConsumer consumer, LedgerWriter ledger) {
        this.consumer = consumer;
        this.ledger = ledger;
    }

    @Incoming("payments-made")
    public Uni<Void> onPaymentsMade(Message<List<byte[]>> batch) {
        return consumer.consume(batch, CONSUMER, Set.of(EventType.PAYMENT_MADE), (tx, events) -> ledger.paid(tx,
                events.stream().map(e -> (PaymentMade) e.payload()).toList()));
    }

    @Incoming("payments-cancelled")
    public Uni<Void> onPaymentsCancelled(Message<List<byte[]>> batch) {
        return consumer.consume(batch, CONSUMER, Set.of(EventType.PAYMENT_CANCELLED), (tx, events) -> ledger.cancelled(tx,
                events.stream().map(e -> (PaymentCancelled) e.payload()).toList()));
    }
}

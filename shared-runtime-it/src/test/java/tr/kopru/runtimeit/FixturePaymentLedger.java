package tr.kopru.runtimeit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import tr.kopru.model.event.EventType;
import tr.kopru.model.event.PaymentMade;
import tr.kopru.runtime.messaging.IdempotentConsumer;
import tr.kopru.runtime.messaging.IncomingEvent;

import java.util.Set;

/** A consumer like the services' own: applies each payment-made event once, in the same transaction as its mark. */
@ApplicationScoped
public class FixturePaymentLedger {

    private final IdempotentConsumer consumer;

    public FixturePaymentLedger(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("fixture-payments")
    public Uni<Void> onPayment(Message<byte[]> message) {
        return consumer.consume(message, "fixture-ledger", Set.of(EventType.PAYMENT_MADE), this::record);
    }

    private Uni<Void> record(IncomingEvent<Record> event) {
        PaymentMade payment = (PaymentMade) event.payload();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO fixture_payment (transaction_number, amount, event_id)
                        VALUES (:transactionNumber, :amount, :eventId)""")
                .setParameter("transactionNumber", payment.transactionNumber())
                .setParameter("amount", payment.amount().amount())
                .setParameter("eventId", event.id())
                .executeUpdate()).replaceWithVoid();
    }
}

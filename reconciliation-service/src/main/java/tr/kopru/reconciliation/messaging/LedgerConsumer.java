package tr.kopru.reconciliation.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import tr.kopru.model.event.EventType;
import tr.kopru.model.event.PaymentCancelled;
import tr.kopru.model.event.PaymentMade;
import tr.kopru.runtime.messaging.IdempotentConsumer;
import tr.kopru.runtime.messaging.IncomingEvent;

import java.time.ZoneOffset;
import java.util.Set;

/**
 * Builds the ledger from payment-made and payment-cancelled, each event applied once. The two topics are not
 * ordered with respect to each other: either event may create the entry and the other completes it, so both orders
 * end in the same row. An event for a day already reconciled marks that day stale.
 */
@ApplicationScoped
public class LedgerConsumer {

    static final String CONSUMER = "reconciliation-ledger";

    private final IdempotentConsumer consumer;

    public LedgerConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("payments-made")
    public Uni<Void> onPaymentMade(Message<byte[]> message) {
        return consumer.consume(message, CONSUMER, Set.of(EventType.PAYMENT_MADE), this::recordPayment);
    }

    @Incoming("payments-cancelled")
    public Uni<Void> onPaymentCancelled(Message<byte[]> message) {
        return consumer.consume(message, CONSUMER, Set.of(EventType.PAYMENT_CANCELLED), this::recordCancellation);
    }

    private Uni<Void> recordPayment(IncomingEvent<Record> event) {
        PaymentMade p = (PaymentMade) event.payload();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO ledger_entry (institution, desk_id, transaction_number, upstream_collection_id,
                            invoice_number, declaration_id, amount, collection_date, paid, collected_at, receipt_serial,
                            receipt_number, channel, updated_at)
                        VALUES (:institution, :desk, :transaction, :upstreamId, :invoice, :declaration, :amount, :day,
                            true, :collectedAt, :serial, :receipt, :channel, now())
                        ON CONFLICT (institution, desk_id, transaction_number) DO UPDATE SET paid = true,
                            upstream_collection_id = EXCLUDED.upstream_collection_id,
                            invoice_number = EXCLUDED.invoice_number, declaration_id = EXCLUDED.declaration_id,
                            amount = EXCLUDED.amount, collection_date = EXCLUDED.collection_date,
                            collected_at = EXCLUDED.collected_at, receipt_serial = EXCLUDED.receipt_serial,
                            receipt_number = EXCLUDED.receipt_number, channel = EXCLUDED.channel, updated_at = now()""")
                        .setParameter("institution", p.institution())
                        .setParameter("desk", p.cashierDeskId())
                        .setParameter("transaction", p.transactionNumber())
                        .setParameter("upstreamId", p.upstreamCollectionId())
                        .setParameter("invoice", p.invoiceNumber())
                        .setParameter("declaration", p.declarationId())
                        .setParameter("amount", p.amount().amount())
                        .setParameter("day", p.collectionDate())
                        .setParameter("collectedAt", p.collectedAt().atOffset(ZoneOffset.UTC))
                        .setParameter("serial", p.receiptSerial())
                        .setParameter("receipt", p.receiptNumber())
                        .setParameter("channel", p.channel().wireName())
                        .executeUpdate()
                        .chain(() -> markStale(session, p.institution(), p.cashierDeskId(), p.collectionDate())))
                .replaceWithVoid();
    }

    private Uni<Void> recordCancellation(IncomingEvent<Record> event) {
        PaymentCancelled c = (PaymentCancelled) event.payload();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO ledger_entry (institution, desk_id, transaction_number, upstream_collection_id,
                            amount, collection_date, cancelled, cancelled_at, updated_at)
                        VALUES (:institution, :desk, :transaction, :upstreamId, :amount, :day, true, :cancelledAt, now())
                        ON CONFLICT (institution, desk_id, transaction_number) DO UPDATE SET cancelled = true,
                            cancelled_at = EXCLUDED.cancelled_at, updated_at = now()""")
                        .setParameter("institution", c.institution())
                        .setParameter("desk", c.cashierDeskId())
                        .setParameter("transaction", c.transactionNumber())
                        .setParameter("upstreamId", c.upstreamCollectionId())
                        .setParameter("amount", c.amount().amount())
                        .setParameter("day", c.collectionDate())
                        .setParameter("cancelledAt", c.cancelledAt().atOffset(ZoneOffset.UTC))
                        .executeUpdate()
                        .chain(() -> markStale(session, c.institution(), c.cashierDeskId(), c.collectionDate())))
                .replaceWithVoid();
    }

    private static Uni<Integer> markStale(org.hibernate.reactive.mutiny.Mutiny.Session session, String institution,
                                          long desk, java.time.LocalDate day) {
        return session.createNativeQuery("""
                        UPDATE reconciled_day SET stale = true, stale_since = coalesce(stale_since, now())
                        WHERE institution = :institution AND desk_id = :desk AND day = :day""")
                .setParameter("institution", institution).setParameter("desk", desk).setParameter("day", day)
                .executeUpdate();
    }
}

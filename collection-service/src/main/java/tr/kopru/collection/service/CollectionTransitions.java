package tr.kopru.collection.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.flexcity.FlexCityReceipt;
import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.model.event.EventType;
import tr.kopru.model.event.PaymentCancelled;
import tr.kopru.model.event.PaymentMade;
import tr.kopru.runtime.outbox.Outbox;
import tr.kopru.runtime.outbox.OutboxMessage;

import java.time.Clock;
import java.time.Instant;

/**
 * The state changes of a collection, each committed with its history row and, where there is one, its event in
 * one statement. A collection resolved from UNKNOWN publishes exactly the event a direct success does.
 */
@ApplicationScoped
public class CollectionTransitions {

    private final CollectionRepository collections;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry metrics;

    public CollectionTransitions(CollectionRepository collections, Outbox outbox, Clock clock, MeterRegistry metrics) {
        this.collections = collections;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** FlexCity booked it: COLLECTED with the receipt, and payment-made. */
    public Uni<Collection> collected(Collection open, FlexCityReceipt receipt, String reason) {
        Instant now = clock.instant();
        Collection done = with(open, CollectionState.COLLECTED, receipt.bgsTahsilGenelId(), receipt.seriNo(),
                receipt.makbuzNo() == null ? null : String.valueOf(receipt.makbuzNo()), open.createdAt(), null, null,
                null, null, now);
        PaymentMade event = new PaymentMade(done.institution(), done.deskId(), done.transactionNumber(),
                receipt.bgsTahsilGenelId(), done.receiptSerial(), done.receiptNumber(), done.invoiceNumber(),
                done.declarationId(), done.amount(), done.collectionDate(), done.collectedAt(), done.channel());
        return move(open, done, reason, outbox.message(EventType.PAYMENT_MADE, done.transactionNumber(), event));
    }

    /** FlexCity refused it (or confirmed it never booked it): REJECTED with the code and reason. */
    public Uni<Collection> rejected(Collection open, String code, String reason) {
        Collection done = with(open, CollectionState.REJECTED, null, null, null, null, null, code, reason, null,
                clock.instant());
        return move(open, done, code + " " + reason, null);
    }

    /** No answer: UNKNOWN, to be asked about from {@code askAt}. */
    public Uni<Collection> unknown(Collection open, String reason, Instant askAt) {
        Collection done = with(open, CollectionState.UNKNOWN, null, null, null, null, null, null, reason, askAt,
                clock.instant());
        return move(open, done, reason, null);
    }

    /** Cancelled upstream on its day: CANCELLED, and payment-cancelled. */
    public Uni<Collection> cancelled(Collection collected, String reason) {
        Instant now = clock.instant();
        Collection done = with(collected, CollectionState.CANCELLED, collected.upstreamCollectionId(),
                collected.receiptSerial(), collected.receiptNumber(), collected.collectedAt(), now, null, null, null,
                now);
        PaymentCancelled event = new PaymentCancelled(done.institution(), done.deskId(), done.transactionNumber(),
                done.upstreamCollectionId(), done.amount(), done.collectionDate(), now);
        return move(collected, done, reason, outbox.message(EventType.PAYMENT_CANCELLED, done.transactionNumber(), event));
    }

    private Uni<Collection> move(Collection from, Collection to, String reason, OutboxMessage event) {
        return collections.move(from.state(), to, reason, event)
                .chain(moved -> moved ? Uni.createFrom().item(to) : Uni.createFrom().failure(
                        new IllegalStateException("collection " + from.id() + " left " + from.state() + " meanwhile")))
                .invoke(done -> metrics.counter("kopru.collections.transitions", "from", from.state().name(),
                        "to", done.state().name()).increment());
    }

    private static Collection with(Collection c, CollectionState state, Long upstreamId, String serial,
                                   String receiptNo, Instant collectedAt, Instant cancelledAt, String code,
                                   String reason, Instant nextResolveAt, Instant now) {
        return new Collection(c.id(), c.institution(), c.deskId(), c.transactionNumber(), c.invoiceNumber(),
                c.declarationId(), c.amount(), c.collectionDate(), c.channel(), state, upstreamId, serial, receiptNo,
                collectedAt, cancelledAt, code, reason, c.resolveAttempts(), nextResolveAt, c.requestedBy(),
                c.standingInstructionId(), c.createdAt(), now);
    }
}

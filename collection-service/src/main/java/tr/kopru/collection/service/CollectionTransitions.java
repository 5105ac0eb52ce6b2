package tr.kopru.collection.service;

import io.micrometer.core.instrument.Counter;
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
 * one statement, guarded by the state it leaves: whichever path settles a collection (the answer, the resolver, the
 * sweep, an operator), it publishes exactly one payment-made, and exactly one payment-cancelled when cancelled.
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
        return collected(open, receipt, reason, null);
    }

    /** The same, decided by {@code actor} (an operator). */
    public Uni<Collection> collected(Collection open, FlexCityReceipt receipt, String reason, String actor) {
        Instant now = clock.instant();
        Collection done = with(open, CollectionState.COLLECTED, receipt.bgsTahsilGenelId(), receipt.seriNo(),
                receipt.makbuzNo() == null ? null : String.valueOf(receipt.makbuzNo()), open.createdAt(), null, null,
                null, null, false, now);
        PaymentMade event = new PaymentMade(done.institution(), done.deskId(), done.transactionNumber(),
                receipt.bgsTahsilGenelId(), done.receiptSerial(), done.receiptNumber(), done.invoiceNumber(),
                done.declarationId(), done.amount(), done.collectionDate(), done.collectedAt(), done.channel());
        return move(open, done, reason, actor, outbox.message(EventType.PAYMENT_MADE, done.transactionNumber(), event));
    }

    /** FlexCity refused it (or its records show it never booked it): REJECTED with the code and reason. */
    public Uni<Collection> rejected(Collection open, String code, String reason) {
        return rejected(open, code, reason, null);
    }

    public Uni<Collection> rejected(Collection open, String code, String reason, String actor) {
        Collection done = with(open, CollectionState.REJECTED, null, null, null, null, null, code, reason, null, false,
                clock.instant());
        return move(open, done, code + " " + reason, actor, null);
    }

    /** The outcome is open: UNKNOWN, with FlexCity's code if it answered one, to be asked about from {@code askAt}. */
    public Uni<Collection> unknown(Collection open, String code, String reason, Instant askAt) {
        Collection done = with(open, CollectionState.UNKNOWN, null, null, null, null, null, code, reason, askAt, false,
                clock.instant());
        return move(open, done, reason, null, null);
    }

    /** A cancel is about to be sent: CANCELLING, stored before the call. */
    public Uni<Collection> cancelling(Collection collected, String actor) {
        Collection done = kept(collected, CollectionState.CANCELLING, null, null, false);
        return move(collected, done, "cancel requested", actor, null);
    }

    /** The cancel's answer was lost: CANCEL_UNKNOWN, to be asked about from {@code askAt}. */
    public Uni<Collection> cancelUnknown(Collection cancelling, String reason, Instant askAt) {
        return move(cancelling, kept(cancelling, CollectionState.CANCEL_UNKNOWN, reason, askAt, false), reason, null,
                null);
    }

    /** The cancel did not happen: back to COLLECTED with the reason; {@code needsOperator} when it still should. */
    public Uni<Collection> notCancelled(Collection cancelling, String reason, boolean needsOperator) {
        return move(cancelling, kept(cancelling, CollectionState.COLLECTED, reason, null, needsOperator), reason, null,
                null);
    }

    /** Cancelled upstream on its day: CANCELLED, and payment-cancelled. */
    public Uni<Collection> cancelled(Collection cancelling, String reason) {
        Instant now = clock.instant();
        Collection done = with(cancelling, CollectionState.CANCELLED, cancelling.upstreamCollectionId(),
                cancelling.receiptSerial(), cancelling.receiptNumber(), cancelling.collectedAt(), now, null, null,
                null, false, now);
        PaymentCancelled event = new PaymentCancelled(done.institution(), done.deskId(), done.transactionNumber(),
                done.upstreamCollectionId(), done.amount(), done.collectionDate(), now);
        return move(cancelling, done, reason, null,
                outbox.message(EventType.PAYMENT_CANCELLED, done.transactionNumber(), event));
    }

    private Uni<Collection> move(Collection from, Collection to, String reason, String actor, OutboxMessage event) {
        return collections.move(from.state(), to, reason, actor, event)
                .chain(moved -> moved ? Uni.createFrom().item(to) : Uni.createFrom().failure(
                        new CollectionMovedException(from)))
                .invoke(done -> Counter.builder("kopru.collections.transitions")
                        .description("State changes of collections, by the state left and the state reached")
                        .tags("from", from.state().name(), "to", done.state().name()).register(metrics).increment());
    }

    /** The collection's receipt kept, in another state of its cancel; the question counters start again. */
    private Collection kept(Collection c, CollectionState state, String reason, Instant nextResolveAt,
                            boolean needsOperator) {
        return with(c, state, c.upstreamCollectionId(), c.receiptSerial(), c.receiptNumber(), c.collectedAt(), null,
                null, reason, nextResolveAt, needsOperator, clock.instant());
    }

    private static Collection with(Collection c, CollectionState state, Long upstreamId, String serial,
                                   String receiptNo, Instant collectedAt, Instant cancelledAt, String code,
                                   String reason, Instant nextResolveAt, boolean needsOperator, Instant now) {
        boolean samePhase = CollectionState.IN_FLIGHT.contains(c.state()) && CollectionState.IN_FLIGHT.contains(state)
                || CollectionState.CANCEL_OPEN.contains(c.state()) && CollectionState.CANCEL_OPEN.contains(state);
        return new Collection(c.id(), c.institution(), c.deskId(), c.transactionNumber(), c.invoiceNumber(),
                c.declarationId(), c.amount(), c.collectionDate(), c.channel(), state, upstreamId, serial, receiptNo,
                collectedAt, cancelledAt, code, reason, samePhase ? c.resolveAttempts() : 0,
                samePhase ? c.notFoundAnswers() : 0, nextResolveAt, needsOperator, c.requestedBy(),
                c.standingInstructionId(), c.createdAt(), now);
    }
}

package tr.kopru.collection.service;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import tr.kopru.collection.client.FlexCityClient;
import tr.kopru.collection.client.FlexCityInvoiceDebt;
import tr.kopru.collection.config.CollectionConfig;
import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.collection.domain.TransactionNumbers;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.flexcity.FlexCityRejectedException;
import tr.kopru.flexcity.FlexCityResultCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Collects an invoice safely: the collection and our transaction number are stored before FlexCity is called. Its
 * three outcomes: booked (COLLECTED); refused with a code that means FlexCity did not book it (REJECTED); anything
 * else after the request left us (no answer, HTTP 5xx, an unreadable body, 0900, an unlisted code) is UNKNOWN for
 * the resolver, never REJECTED and never sent again. Only what was never sent (an open breaker) is REJECTED at once,
 * as NOT_SENT, and does not bind its Idempotency-Key. One invoice has at most one collection in flight; a repeated
 * Idempotency-Key gets the first answer.
 */
@ApplicationScoped
public class CollectionService {

    private static final Logger LOG = Logger.getLogger(CollectionService.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** The result code of a collection refused before anything was sent. */
    public static final String NOT_SENT = "NOT_SENT";

    private final CollectionRepository collections;
    private final CollectionTransitions transitions;
    private final FlexCityClient flexCity;
    private final CollectionConfig config;
    private final Clock clock;

    public CollectionService(CollectionRepository collections, CollectionTransitions transitions,
                             FlexCityClient flexCity, CollectionConfig config, Clock clock) {
        this.collections = collections;
        this.transitions = transitions;
        this.flexCity = flexCity;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Stores the collection unless its Idempotency-Key was used before or its invoice is held, in one round trip;
     * only a stored collection goes to FlexCity. Otherwise (or when a request of the same moment won the race on the
     * unique indexes) the answer is the key's first result, or a 409 saying what holds the invoice.
     */
    public Uni<CollectResult> collect(CollectCommand command) {
        Instant now = clock.instant();
        Collection pending = new Collection(UUID.randomUUID(), command.institution(),
                flexCity.institution(command.institution()).deskId(), TransactionNumbers.next(now),
                command.invoiceNumber(), command.declarationId(), command.amount(), command.paidOn(), command.channel(),
                CollectionState.PENDING, null, null, null, null, null, null, null, 0, 0, null, false,
                command.requestedBy(), command.standingInstructionId(), now, now);
        return collections.insertUnlessHeld(pending, command.idempotencyKey(), command.fingerprint())
                .onFailure(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
                .recoverWithItem(false)
                .chain(inserted -> {
                    if (!inserted) {
                        return notStarted(command);
                    }
                    UpstreamTime upstream = new UpstreamTime();
                    return send(pending, upstream).map(collection -> CollectResult.fresh(collection, upstream.total()));
                });
    }

    private Uni<CollectResult> replay(CollectCommand command, CollectionRepository.Keyed keyed) {
        if (!keyed.fingerprint().equals(command.fingerprint())) {
            return Uni.createFrom().failure(CollectionRefusedException.conflict("Idempotency-Key "
                    + command.idempotencyKey() + " was used for a different request", keyed.collection()));
        }
        CollectResult.FirstAnswer first = keyed.answerStatus() == null ? null
                : new CollectResult.FirstAnswer(keyed.answerStatus(), keyed.answerBody());
        return Uni.createFrom().item(new CollectResult(keyed.collection(), true, Duration.ZERO, first));
    }

    /** Why a collection was not stored: the same key's first result, or what holds the invoice. */
    private Uni<CollectResult> notStarted(CollectCommand command) {
        Uni<Optional<CollectionRepository.Keyed>> keyed = command.idempotencyKey() == null
                ? Uni.createFrom().item(Optional.empty())
                : collections.findByIdempotencyKey(command.requestedBy(), command.idempotencyKey());
        return keyed.chain(found -> found.isPresent() ? replay(command, found.get())
                : collections.holding(command.institution(), command.invoiceNumber())
                .chain(hold -> Uni.createFrom().failure(refusal(command, hold))));
    }

    private static CollectionRefusedException refusal(CollectCommand command, CollectionRepository.Hold hold) {
        if (hold.settledElsewhere()) {
            return CollectionRefusedException.conflict("Invoice " + command.invoiceNumber()
                    + " was paid through another channel", null);
        }
        return hold.collection().map(CollectionService::held)
                // Its holder finished between our insert and this look: the caller may simply try again.
                .orElseGet(() -> CollectionRefusedException.conflict("Invoice " + command.invoiceNumber()
                        + " is being collected right now", null));
    }

    private static CollectionRefusedException held(Collection holder) {
        String why = holder.state() == CollectionState.COLLECTED
                ? "Invoice " + holder.invoiceNumber() + " is already collected by collection " + holder.id()
                : "Invoice " + holder.invoiceNumber() + " has collection " + holder.id() + " in progress ("
                + holder.state() + "); no other one starts until its outcome is known";
        return CollectionRefusedException.conflict(why, holder);
    }

    private Uni<Collection> send(Collection pending, UpstreamTime upstream) {
        return upstream.time(flexCity.collect(pending.institution(), pending.transactionNumber(),
                        pending.invoiceNumber(), pending.amount().amount(), pending.collectionDate()))
                .onItem().transformToUni(receipt -> transitions.collected(pending, receipt, "FlexCity booked it"))
                .onFailure(FlexCityRejectedException.class)
                .recoverWithUni(e -> answered(pending, (FlexCityRejectedException) e, upstream))
                // An open breaker sent nothing: the collection certainly did not happen.
                .onFailure(CircuitBreakerOpenException.class)
                .recoverWithUni(e -> transitions.rejected(pending, NOT_SENT, "FlexCity is failing; the request was "
                                + "not sent (circuit open)")
                        .chain(rejected -> Uni.createFrom().failure(new CollectionRefusedException(503,
                                "FlexCity is failing; the collection was not sent. Try again later (the same "
                                        + "Idempotency-Key may be used)", Map.of(), rejected))))
                .onFailure(failure -> !(failure instanceof CollectionRefusedException))
                .recoverWithUni(e -> open(pending, null, "no answer from FlexCity: " + e.getMessage()))
                .onFailure(CollectionRefusedException.class)
                .transform(e -> ((CollectionRefusedException) e).ofStarted());
    }

    /** FlexCity answered with a code: a refusal only when the code means it did not book; otherwise unknown. */
    private Uni<Collection> answered(Collection pending, FlexCityRejectedException e, UpstreamTime upstream) {
        if (!e.resultCode().refusesWrite()) {
            return open(pending, e.resultCode().code(), "FlexCity answered " + e.resultCode().code() + " ("
                    + e.upstreamMessage() + "), which does not say it did not book it");
        }
        return refused(pending, e, upstream);
    }

    private Uni<Collection> open(Collection pending, String code, String why) {
        LOG.warnf("Collection %s (transaction %s): outcome unknown, FlexCity's records will settle it: %s",
                pending.id(), pending.transactionNumber(), why);
        return transitions.unknown(pending, code, why, clock.instant().plus(config.resolver().firstDelay()));
    }

    private Uni<Collection> refused(Collection pending, FlexCityRejectedException e, UpstreamTime upstream) {
        FlexCityResultCode code = e.resultCode();
        return switch (code) {
            // "Collected from your bank": ours if FlexCity knows our transaction number, else another of our collections.
            case ALREADY_COLLECTED_BY_US -> upstream.time(flexCity.collectionByTransaction(pending.institution(),
                            pending.transactionNumber()))
                    .chain(receipt -> receipt.isPresent()
                            ? transitions.collected(pending, receipt.get(), "FlexCity already had it (0510)")
                            : transitions.rejected(pending, code.code(), e.upstreamMessage())
                            .chain(rejected -> Uni.createFrom().failure(CollectionRefusedException.conflict(
                                    "Invoice " + pending.invoiceNumber() + " was already collected at our desk "
                                            + "under another transaction", rejected))));
            case COLLECTED_ELSEWHERE -> transitions.rejected(pending, code.code(), e.upstreamMessage())
                    .call(rejected -> collections.markSettled(pending.institution(), pending.invoiceNumber(),
                            clock.instant(), "0530 " + e.upstreamMessage()))
                    .chain(rejected -> Uni.createFrom().failure(CollectionRefusedException.conflict(
                            "Invoice " + pending.invoiceNumber() + " was collected outside Köprü; it is marked settled",
                            rejected)));
            case AMOUNT_MISMATCH -> transitions.rejected(pending, code.code(), e.upstreamMessage())
                    .chain(rejected -> upstream.time(flexCity.debts(pending.institution(), null, pending.declarationId()))
                            .onFailure().recoverWithItem(List.of())
                            .chain(debts -> Uni.createFrom().failure(amountMismatch(rejected, debts))));
            default -> transitions.rejected(pending, code.code(), e.upstreamMessage())
                    .chain(rejected -> Uni.createFrom().failure(new CollectionRefusedException(statusOf(code),
                            "FlexCity refused the collection: " + code.code() + " " + e.upstreamMessage(), Map.of(),
                            rejected)));
        };
    }

    private static CollectionRefusedException amountMismatch(Collection rejected, List<FlexCityInvoiceDebt> debts) {
        Optional<FlexCityInvoiceDebt> current = debts.stream()
                .filter(d -> rejected.invoiceNumber().equals(d.faturaNo())).findFirst();
        String detail = current.map(d -> "FlexCity's total today is " + d.toplam().toPlainString() + " (debt "
                        + d.borcTutari().toPlainString() + ", late surcharge " + d.gecikmeZammi().toPlainString() + ")")
                .orElse("the invoice is no longer open on FlexCity");
        return new CollectionRefusedException(409, "The amount " + rejected.amount().amount().toPlainString()
                + " does not match invoice " + rejected.invoiceNumber() + ": " + detail,
                Map.of("amount", List.of(detail)), rejected);
    }

    /**
     * Input FlexCity found wrong is the caller's 422 (or 404 for an unknown debt); a refusal of our own setup (desk,
     * credentials, receipt book) is FlexCity's or ours to fix: 502.
     */
    private static int statusOf(FlexCityResultCode code) {
        return switch (code) {
            case DEBT_NOT_FOUND, ACCRUAL_NOT_FOUND, DECLARATION_NOT_FOUND -> 404;
            case INVOICE_NUMBER_EMPTY, INVOICE_NUMBER_LENGTH, INVOICE_NUMBER_TYPE_UNKNOWN, AMOUNT_ABOVE_DEBT,
                 REQUIRED_FIELD_EMPTY, FIELD_INVALID -> 422;
            default -> 502;
        };
    }
}

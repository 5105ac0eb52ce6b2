package tr.kopru.collection.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import tr.kopru.collection.client.FlexCityClient;
import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.flexcity.FlexCityRejectedException;
import tr.kopru.flexcity.FlexCityResultCode;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.time.TurkeyTime;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Cancels a collection on its own day and desk, in two phases: CANCELLING is stored, FlexCity is asked whether it may
 * be cancelled (TahsilKaydiIptalEdilebilir), then the cancel is sent (TahsilKaydiIptalEt). Its three outcomes:
 * answered (CANCELLED with payment-cancelled; "already cancelled", 0116, counts), refused as not done (back to
 * COLLECTED with the reason), unknown (CANCEL_UNKNOWN, settled by {@link #settle} from FlexCity's records).
 */
@ApplicationScoped
public class CancellationService {

    private static final Logger LOG = Logger.getLogger(CancellationService.class);

    /** A cancel request's outcome: the collection, and whether its cancel is still open (202) or settled (200). */
    public record CancelResult(Collection collection) {
        public boolean open() {
            return CollectionState.CANCEL_OPEN.contains(collection.state());
        }
    }

    private final CollectionRepository collections;
    private final CollectionTransitions transitions;
    private final QuestionSchedule schedule;
    private final FlexCityClient flexCity;
    private final Clock clock;

    public CancellationService(CollectionRepository collections, CollectionTransitions transitions,
                               QuestionSchedule schedule, FlexCityClient flexCity, Clock clock) {
        this.collections = collections;
        this.transitions = transitions;
        this.schedule = schedule;
        this.flexCity = flexCity;
        this.clock = clock;
    }

    public Uni<CancelResult> cancel(UUID id, String actor) {
        return collections.find(id).chain(found -> {
            Collection collection = found.orElseThrow(() -> ApiException.notFound("No collection " + id));
            if (collection.state() == CollectionState.CANCELLED
                    || CollectionState.CANCEL_OPEN.contains(collection.state())) {
                return Uni.createFrom().item(new CancelResult(collection));
            }
            if (collection.state() != CollectionState.COLLECTED) {
                throw CollectionRefusedException.conflict("Only a COLLECTED collection can be cancelled; "
                        + collection.id() + " is " + collection.state(), collection);
            }
            LocalDate today = TurkeyTime.today(clock);
            if (!collection.collectionDate().equals(today)) {
                throw pastDay(collection, today);
            }
            return transitions.cancelling(collection, actor)
                    .chain(this::attempt)
                    // A request of the same moment started the cancel first: answer where it stands.
                    .onFailure(CollectionMovedException.class).recoverWithUni(moved -> collections.find(id)
                            .map(now -> now.orElseThrow()))
                    .map(CancelResult::new);
        });
    }

    /** Asks whether it may be cancelled, then cancels. Nothing is sent when the question goes unanswered. */
    private Uni<Collection> attempt(Collection cancelling) {
        return flexCity.checkCancellable(cancelling.institution(), cancelling.upstreamCollectionId(),
                        cancelling.transactionNumber())
                .chain(() -> send(cancelling, reason -> transitions.cancelUnknown(cancelling, reason, schedule.first())))
                .onFailure(FlexCityRejectedException.class)
                .recoverWithUni(e -> checkRefused(cancelling, (FlexCityRejectedException) e))
                .onFailure(f -> !(f instanceof CollectionRefusedException || f instanceof CollectionMovedException))
                .recoverWithUni(f -> restore(cancelling, 503, "FlexCity did not answer whether the collection may "
                        + "be cancelled; nothing was cancelled. Try again later"));
    }

    private Uni<Collection> checkRefused(Collection cancelling, FlexCityRejectedException e) {
        if (e.resultCode() == FlexCityResultCode.ALREADY_CANCELLED) {
            return transitions.cancelled(cancelling, "FlexCity had it cancelled already (0116)");
        }
        if (e.resultCode() == FlexCityResultCode.PAST_DAY_CANCEL) {
            return restore(cancelling, 409, pastDay(cancelling, TurkeyTime.today(clock)).getMessage());
        }
        if (e.resultCode() == FlexCityResultCode.OTHER_DESK_CANCEL) {
            return restore(cancelling, 409, "FlexCity refuses: collection " + cancelling.id()
                    + " belongs to another cashier desk (0118)");
        }
        return restore(cancelling, e.resultCode().refusesWrite() ? 409 : 502, "FlexCity refused the cancel: "
                + e.resultCode().code() + " " + e.upstreamMessage());
    }

    /**
     * Sends the cancel once. {@code unknown} says what becomes of the collection when the answer says nothing (lost,
     * HTTP 5xx, an unspecific code).
     */
    private Uni<Collection> send(Collection cancelling, Function<String, Uni<Collection>> unknown) {
        return flexCity.cancel(cancelling.institution(), cancelling.upstreamCollectionId(),
                        cancelling.transactionNumber())
                .chain(() -> transitions.cancelled(cancelling, "FlexCity cancelled it"))
                .onFailure(FlexCityRejectedException.class).recoverWithUni(failure -> {
                    FlexCityRejectedException e = (FlexCityRejectedException) failure;
                    if (e.resultCode() == FlexCityResultCode.ALREADY_CANCELLED) {
                        return transitions.cancelled(cancelling, "FlexCity had it cancelled already (0116)");
                    }
                    if (e.resultCode().refusesWrite()) {
                        return restore(cancelling, 409, "FlexCity refused the cancel: " + e.resultCode().code() + " "
                                + e.upstreamMessage());
                    }
                    return unknown.apply("FlexCity answered " + e.resultCode().code() + " (" + e.upstreamMessage()
                            + "), which does not say whether it cancelled");
                })
                .onFailure(CircuitBreakerOpenException.class).recoverWithUni(e -> restore(cancelling, 503,
                        "FlexCity is failing; the cancel was not sent. Try again later"))
                .onFailure(f -> !(f instanceof CollectionRefusedException || f instanceof CollectionMovedException))
                .recoverWithUni(e -> {
                    LOG.warnf("Cancel of collection %s (transaction %s): no answer from FlexCity, outcome unknown: %s",
                            cancelling.id(), cancelling.transactionNumber(), e.getMessage());
                    return unknown.apply("no answer from FlexCity: " + e.getMessage());
                });
    }

    /**
     * Settles a cancel whose outcome is open, from FlexCity's own answer to TahsilKaydiIptalEdilebilir: 0116 means it
     * is cancelled; still cancellable means it is not, and the cancel is sent again while it is the collection's day;
     * the day over and not cancelled leaves it COLLECTED for an operator.
     */
    public Uni<Void> settle(Collection open) {
        return flexCity.checkCancellable(open.institution(), open.upstreamCollectionId(), open.transactionNumber())
                .chain(() -> stillCancellable(open))
                .onFailure(FlexCityRejectedException.class)
                .recoverWithUni(e -> settleAnswered(open, (FlexCityRejectedException) e))
                .onFailure(CollectionRefusedException.class).recoverWithItem(e -> null)
                .onFailure(f -> !(f instanceof CollectionMovedException))
                .recoverWithUni(f -> schedule.failed(open, f).replaceWith(open))
                .replaceWithVoid();
    }

    private Uni<Collection> stillCancellable(Collection open) {
        if (!open.collectionDate().equals(TurkeyTime.today(clock))) {
            return transitions.notCancelled(open, "FlexCity did not cancel it and its day is over", true);
        }
        LOG.infof("Collection %s is not cancelled at FlexCity yet; sending the cancel again", open.id());
        return send(open, reason -> open.state() == CollectionState.CANCEL_UNKNOWN
                ? schedule.unanswered(open, reason).replaceWith(open)
                : transitions.cancelUnknown(open, reason, schedule.first()));
    }

    private Uni<Collection> settleAnswered(Collection open, FlexCityRejectedException e) {
        FlexCityResultCode code = e.resultCode();
        if (code == FlexCityResultCode.ALREADY_CANCELLED) {
            return transitions.cancelled(open, "resolved: FlexCity has it cancelled (0116)");
        }
        if (code.refusesWrite()) {
            return transitions.notCancelled(open, "FlexCity did not cancel it: " + code.code() + " "
                    + e.upstreamMessage(), true);
        }
        return Uni.createFrom().failure(e);
    }

    /** The cancel did not happen: back to COLLECTED with the reason, answered to the caller as {@code status}. */
    private Uni<Collection> restore(Collection cancelling, int status, String reason) {
        return transitions.notCancelled(cancelling, reason, false).chain(back -> Uni.createFrom().failure(
                new CollectionRefusedException(status, reason, Map.of(), back)));
    }

    private static CollectionRefusedException pastDay(Collection collection, LocalDate today) {
        return new CollectionRefusedException(409, "A collection can only be cancelled on its collection day: "
                + collection.id() + " was collected on " + collection.collectionDate() + ", today is " + today,
                Map.of(), collection);
    }
}

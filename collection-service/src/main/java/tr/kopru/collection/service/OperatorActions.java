package tr.kopru.collection.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.collection.client.FlexCityClient;
import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.flexcity.FlexCityReceipt;
import tr.kopru.runtime.rest.ApiException;

import java.util.Optional;
import java.util.UUID;

/**
 * What an operator may do with a collection whose outcome the service could not settle: ask FlexCity now, or settle
 * it by hand with a reason — COLLECTED only with a receipt FlexCity confirms, REJECTED only when FlexCity has no
 * booking and the day's receipts do not list it. Each action goes into the collection's history with who and why.
 */
@ApplicationScoped
public class OperatorActions {

    /** The outcomes an operator may settle a collection to. */
    public enum Outcome { COLLECTED, REJECTED }

    /** The result code of a collection an operator settled as not booked. */
    public static final String BY_OPERATOR = "OPERATOR";

    private final CollectionRepository collections;
    private final CollectionResolver resolver;
    private final CollectionTransitions transitions;
    private final FlexCityClient flexCity;

    public OperatorActions(CollectionRepository collections, CollectionResolver resolver,
                           CollectionTransitions transitions, FlexCityClient flexCity) {
        this.collections = collections;
        this.resolver = resolver;
        this.transitions = transitions;
        this.flexCity = flexCity;
    }

    /**
     * Asks FlexCity about an open outcome now, whatever its schedule, for {@code operator} (named in the history if
     * the answer settles it); answers the collection as it then stands.
     */
    public Uni<Collection> askNow(UUID id, String operator) {
        return find(id).chain(open -> {
            if (!CollectionState.IN_FLIGHT.contains(open.state()) && !CollectionState.CANCEL_OPEN.contains(open.state())) {
                throw CollectionRefusedException.conflict("Collection " + id + " is " + open.state()
                        + ": its outcome is not open", open);
            }
            return resolver.resolve(open, operator).chain(() -> find(id));
        });
    }

    /** Settles a collection by hand, after checking FlexCity's records agree. */
    public Uni<Collection> settle(UUID id, Outcome outcome, String reason, String operator) {
        return find(id).chain(open -> {
            // A rejected collection may turn out booked after all; one never sent cannot.
            boolean allowed = CollectionState.IN_FLIGHT.contains(open.state())
                    || open.state() == CollectionState.REJECTED && outcome == Outcome.COLLECTED
                    && !CollectionService.NOT_SENT.equals(open.resultCode());
            if (!allowed) {
                throw CollectionRefusedException.conflict("Collection " + id + " is " + open.state()
                        + " and cannot be settled as " + outcome + " by hand", open);
            }
            return booking(open).chain(receipt -> outcome == Outcome.COLLECTED
                    ? collected(open, receipt, reason, operator)
                    : rejected(open, receipt, reason, operator));
        });
    }

    private Uni<Collection> collected(Collection open, Optional<FlexCityReceipt> receipt, String reason,
                                      String operator) {
        if (receipt.isEmpty()) {
            throw CollectionRefusedException.conflict("FlexCity does not confirm a booking of transaction "
                    + open.transactionNumber() + " (not found, and not in the day's receipts); it cannot be settled "
                    + "as COLLECTED", open);
        }
        return transitions.collected(open, receipt.get(), "settled by hand: " + reason, operator);
    }

    private Uni<Collection> rejected(Collection open, Optional<FlexCityReceipt> receipt, String reason,
                                     String operator) {
        if (receipt.isPresent()) {
            throw CollectionRefusedException.conflict("FlexCity has a booking of transaction "
                    + open.transactionNumber() + " (receipt " + receipt.get().bgsTahsilGenelId() + "); it cannot be "
                    + "settled as REJECTED", open);
        }
        return transitions.rejected(open, BY_OPERATOR, "settled by hand: " + reason, operator);
    }

    /** FlexCity's booking of the collection: by our transaction number, else in the day's receipts. */
    private Uni<Optional<FlexCityReceipt>> booking(Collection open) {
        return flexCity.collectionByTransaction(open.institution(), open.transactionNumber())
                .chain(found -> found.isPresent() ? Uni.createFrom().item(found) : resolver.listedThatDay(open));
    }

    private Uni<Collection> find(UUID id) {
        return collections.find(id).map(found -> found.orElseThrow(() -> ApiException.notFound("No collection " + id)));
    }
}

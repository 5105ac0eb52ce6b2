package tr.kopru.collection.service;

import tr.kopru.runtime.time.TurkeyTime;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.collection.client.FlexCityClient;
import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.flexcity.FlexCityRejectedException;
import tr.kopru.flexcity.FlexCityResultCode;
import tr.kopru.runtime.rest.ApiException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Cancels a collection on its own day and desk, as FlexCity allows: asks TahsilKaydiIptalEdilebilir first, then
 * TahsilKaydiIptalEt. "Already cancelled" (0116) is success, so a repeated cancel is safe to send again.
 */
@ApplicationScoped
public class CancellationService {

    private final CollectionRepository collections;
    private final CollectionTransitions transitions;
    private final FlexCityClient flexCity;
    private final Clock clock;

    public CancellationService(CollectionRepository collections, CollectionTransitions transitions,
                               FlexCityClient flexCity, Clock clock) {
        this.collections = collections;
        this.transitions = transitions;
        this.flexCity = flexCity;
        this.clock = clock;
    }

    public Uni<Collection> cancel(UUID id) {
        return collections.find(id).chain(found -> {
            Collection collection = found.orElseThrow(() -> ApiException.notFound("No collection " + id));
            if (collection.state() == CollectionState.CANCELLED) {
                return Uni.createFrom().item(collection);
            }
            if (collection.state() != CollectionState.COLLECTED) {
                throw CollectionRefusedException.conflict("Only a COLLECTED collection can be cancelled; "
                        + collection.id() + " is " + collection.state(), collection);
            }
            LocalDate today = TurkeyTime.today(clock);
            if (!collection.collectionDate().equals(today)) {
                throw pastDay(collection, today);
            }
            return flexCity.checkCancellable(collection.institution(), collection.upstreamCollectionId(),
                            collection.transactionNumber())
                    .chain(() -> flexCity.cancel(collection.institution(), collection.upstreamCollectionId(),
                            collection.transactionNumber()))
                    .replaceWith("FlexCity cancelled it")
                    .onFailure(FlexCityRejectedException.class).recoverWithItem(e -> alreadyCancelled(collection,
                            (FlexCityRejectedException) e, today))
                    .chain(reason -> transitions.cancelled(collection, reason));
        });
    }

    /** 0116 means the goal is reached; the document's other cancel codes are the caller's conflict. */
    private static String alreadyCancelled(Collection collection, FlexCityRejectedException e, LocalDate today) {
        if (e.resultCode() == FlexCityResultCode.ALREADY_CANCELLED) {
            return "FlexCity had it cancelled already (0116)";
        }
        if (e.resultCode() == FlexCityResultCode.PAST_DAY_CANCEL) {
            throw pastDay(collection, today);
        }
        if (e.resultCode() == FlexCityResultCode.OTHER_DESK_CANCEL) {
            throw CollectionRefusedException.conflict("FlexCity refuses: collection " + collection.id()
                    + " belongs to another cashier desk (0118)", collection);
        }
        throw e;
    }

    private static CollectionRefusedException pastDay(Collection collection, LocalDate today) {
        return new CollectionRefusedException(409, "A collection can only be cancelled on its collection day: "
                + collection.id() + " was collected on " + collection.collectionDate() + ", today is " + today,
                Map.of(), collection);
    }
}

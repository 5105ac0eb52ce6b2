package tr.kopru.collection.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.collection.client.FlexCityClient;
import tr.kopru.collection.config.CollectionConfig;
import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.flexcity.FlexCityResultCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Settles collections whose outcome is open by asking FlexCity for our transaction number
 * (TahsilSorgulaByIslemNo): found is COLLECTED with the receipt (and the same payment-made a direct success sends),
 * confirmed not found is REJECTED, no answer is asked again later with backoff. After the last try a collection
 * stays UNKNOWN and is listed for an operator. Replicas share the work through leases in the database.
 */
@ApplicationScoped
public class CollectionResolver {

    private static final Logger LOG = Logger.getLogger(CollectionResolver.class);

    private final CollectionRepository collections;
    private final CollectionTransitions transitions;
    private final FlexCityClient flexCity;
    private final CollectionConfig.Resolver config;
    private final Clock clock;

    public CollectionResolver(CollectionRepository collections, CollectionTransitions transitions,
                              FlexCityClient flexCity, CollectionConfig config, Clock clock) {
        this.collections = collections;
        this.transitions = transitions;
        this.flexCity = flexCity;
        this.config = config.resolver();
        this.clock = clock;
    }

    @Scheduled(every = "${kopru.collection.resolver.every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> resolveDue() {
        return resolveDueNow().replaceWithVoid();
    }

    /** One round: resolves the collections that are due now; answers how many it looked at. */
    public Uni<Integer> resolveDueNow() {
        Instant now = clock.instant();
        return collections.claimToResolve(now, now.minus(config.stalePending()), config.lease(), config.batchSize())
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(this::resolve)
                        .collect().asList().replaceWith(due.size()));
    }

    private Uni<Void> resolve(Collection open) {
        return flexCity.collectionByTransaction(open.institution(), open.transactionNumber())
                .chain(receipt -> receipt.isPresent()
                        ? transitions.collected(open, receipt.get(), "resolved: FlexCity has the booking")
                        : transitions.rejected(open, FlexCityResultCode.COLLECTION_NOT_FOUND.code(),
                        "resolved: FlexCity has no booking with transaction number " + open.transactionNumber()))
                .invoke(done -> LOG.infof("Collection %s (transaction %s) resolved from %s to %s", open.id(),
                        open.transactionNumber(), open.state(), done.state()))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> askLater(open, failure));
    }

    private Uni<Void> askLater(Collection open, Throwable failure) {
        int attempts = open.resolveAttempts() + 1;
        Instant now = clock.instant();
        Instant next = attempts >= config.maxAttempts() ? null
                : now.plus(config.backoff().multipliedBy(1L << Math.min(attempts - 1, 10)));
        if (next == null) {
            LOG.errorf("Collection %s (transaction %s) is still UNKNOWN after %d questions to FlexCity; an operator "
                    + "must decide (last failure: %s)", open.id(), open.transactionNumber(), attempts, failure.getMessage());
        } else {
            LOG.warnf("Collection %s: FlexCity did not say (%s); asking again in %s", open.id(), failure.getMessage(),
                    Duration.between(now, next));
        }
        return collections.resolveLater(open.id(), attempts, next, now);
    }
}

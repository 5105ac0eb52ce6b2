package tr.kopru.collection.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.collection.client.FlexCityClient;
import tr.kopru.collection.config.CollectionConfig;
import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.collection.repository.SweepRepository;
import tr.kopru.flexcity.FlexCityReceipt;
import tr.kopru.runtime.time.TurkeyTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Settles collections whose outcome is open from FlexCity's own records. A collect: our transaction number found
 * (TahsilSorgulaByIslemNo) is COLLECTED with the receipt and the same payment-made a direct success sends; "not
 * found" is proof only once FlexCity has said so for the settle window after the send, at least
 * {@code not-found-answers} times, and the day's receipts (TahsilIcmaliDetay) do not list it: then REJECTED. Until
 * then the invoice stays held. A cancel is settled by {@link CancellationService#settle}. Replicas share the work
 * through leases in the database.
 */
@ApplicationScoped
public class CollectionResolver {

    private static final Logger LOG = Logger.getLogger(CollectionResolver.class);

    private final CollectionRepository collections;
    private final CollectionTransitions transitions;
    private final CancellationService cancellations;
    private final QuestionSchedule schedule;
    private final FlexCityClient flexCity;
    private final CollectionConfig.Resolver config;
    private final Clock clock;

    public CollectionResolver(CollectionRepository collections, CollectionTransitions transitions,
                              CancellationService cancellations, QuestionSchedule schedule, FlexCityClient flexCity,
                              CollectionConfig config, Clock clock) {
        this.collections = collections;
        this.transitions = transitions;
        this.cancellations = cancellations;
        this.schedule = schedule;
        this.flexCity = flexCity;
        this.config = config.resolver();
        this.clock = clock;
    }

    @Scheduled(every = "${kopru.collection.resolver.every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> resolveDue() {
        return resolveDueNow().replaceWithVoid();
    }

    /** One round: asks about the collections that are due now; answers how many it looked at. */
    public Uni<Integer> resolveDueNow() {
        Instant now = clock.instant();
        return collections.claimToResolve(now, now.minus(config.stalePending()), config.lease(), config.batchSize())
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(this::resolve)
                        .collect().asList().replaceWith(due.size()));
    }

    /** Asks FlexCity about one collection now, due or not. */
    public Uni<Void> resolve(Collection open) {
        return resolve(open, null);
    }

    /**
     * The same, asked by {@code actor} (an operator's "ask now"; null for the resolver's own rounds), who is named in
     * the collection's history when the answer settles it.
     */
    public Uni<Void> resolve(Collection open, String actor) {
        Uni<Void> asked = CollectionState.CANCEL_OPEN.contains(open.state()) ? cancellations.settle(open)
                : flexCity.collectionByTransaction(open.institution(), open.transactionNumber())
                .chain(receipt -> receipt.isPresent()
                        ? transitions.collected(open, receipt.get(), "resolved: FlexCity has the booking", actor)
                        .replaceWithVoid()
                        : notFound(open, actor))
                .onFailure(failure -> !(failure instanceof CollectionMovedException))
                .recoverWithUni(failure -> schedule.failed(open, failure));
        return asked.onFailure(CollectionMovedException.class).recoverWithUni(moved -> {
            LOG.infof("Collection %s was settled meanwhile by another path", open.id());
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> notFound(Collection open, String actor) {
        int answers = open.notFoundAnswers() + 1;
        if (!schedule.settled(open, answers)) {
            return schedule.notFound(open, answers);
        }
        return listedThatDay(open).chain(listed -> listed.isPresent()
                        ? transitions.collected(open, listed.get(), "resolved: the day's receipts (TahsilIcmaliDetay) "
                        + "list it", actor)
                        : transitions.rejected(open, SweepRepository.RESOLVER_REJECTED, "resolved: FlexCity answered "
                        + "'not found' " + answers + " times over " + schedule.settleWindow() + " and the day's "
                        + "receipts do not list transaction " + open.transactionNumber(), actor))
                .invoke(done -> LOG.infof("Collection %s (transaction %s) resolved from %s to %s", open.id(),
                        open.transactionNumber(), open.state(), done.state()))
                .replaceWithVoid();
    }

    /** The receipt with our transaction number among the desk's receipts of the collection day (and send day). */
    public Uni<Optional<FlexCityReceipt>> listedThatDay(Collection open) {
        Set<LocalDate> days = new LinkedHashSet<>(List.of(open.collectionDate(),
                open.createdAt().atZone(TurkeyTime.ZONE).toLocalDate()));
        return Multi.createFrom().iterable(days)
                .onItem().transformToUniAndConcatenate(day -> flexCity.dailyReceipts(open.institution(), open.deskId(),
                        day))
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream)
                        .filter(receipt -> open.transactionNumber().equals(receipt.islemNo())).findFirst());
    }
}

package tr.kopru.declaration.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import tr.kopru.declaration.client.CustomsAnswer;
import tr.kopru.declaration.client.CustomsClient;
import tr.kopru.declaration.client.CustomsUnavailableException;
import tr.kopru.declaration.config.DeliveryConfig;
import tr.kopru.declaration.domain.DeclarationUpdate;
import tr.kopru.declaration.domain.DeliveryAttempt;
import tr.kopru.declaration.domain.UpdateStatus;
import tr.kopru.declaration.repository.UpdateRepository;
import tr.kopru.runtime.time.Backoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sends stored updates to the customs API, oldest first and one at a time per declaration. A refusal (4xx) is final
 * and the update is FAILED with the upstream's reason; a 5xx, a timeout or no connection is tried again with
 * growing pauses (a PUT of the same partial body is idempotent) until the attempts run out. Replicas share the work
 * through leases in the database: a round leases the updates it takes under its own token and renews an update's
 * lease right before sending it, so an update whose lease ran out while it waited its turn is left to whoever took it
 * since, and a lease at least twice the longest call cannot run out under a running one. After a try that went
 * unanswered, later updates of the declaration wait out the late-landing window, so that PUT, should it still land,
 * lands before them. Should recording an outcome fail, the lease runs out and the update is sent again, which the
 * upstream takes as the same update.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final UpdateRepository updates;
    private final DeliveredState delivered;
    private final CustomsClient customs;
    private final DeliveryConfig config;
    private final Pool pool;
    private final Clock clock;
    private final Counter failed;

    public DeliveryWorker(UpdateRepository updates, DeliveredState delivered, CustomsClient customs,
                          DeliveryConfig config, Pool pool, Clock clock, MeterRegistry metrics) {
        this.updates = updates;
        this.delivered = delivered;
        this.customs = customs;
        this.config = config;
        this.pool = pool;
        this.clock = clock;
        this.failed = Counter.builder("kopru.declaration.failed.updates")
                .description("Declaration updates that ended FAILED: refused by customs, or given up on")
                .baseUnit("updates").register(metrics);
    }

    /** Refuses to start with a lease that a single call to customs could outlast. */
    void checkLease(@Observes StartupEvent started) {
        checkLease(config.lease(), customs.longestCall());
    }

    static void checkLease(Duration lease, Duration longestCall) {
        if (lease.compareTo(longestCall.multipliedBy(2)) < 0) {
            throw new IllegalStateException("kopru.declaration.delivery.lease (" + lease + ") must be at least twice "
                    + "the longest call to customs, kopru.customs.connect-timeout + read-timeout (" + longestCall
                    + ")");
        }
    }

    @Scheduled(every = "${kopru.declaration.delivery.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> deliverDue() {
        return deliverDueNow().replaceWithVoid();
    }

    /** One round: sends the updates that are due now; answers how many it tried. */
    public Uni<Integer> deliverDueNow() {
        UUID round = UUID.randomUUID();
        Instant now = clock.instant();
        return updates.claimDue(round, now, config.lease(), now.minus(config.lateLandingWindow()), config.batchSize())
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(update -> deliverIfStillHeld(new Leased(update, round)))
                        .collect().asList().replaceWith(due.size()));
    }

    /** An update with the token of the round that leased it. */
    private record Leased(DeclarationUpdate update, UUID token) {
        UUID id() {
            return update.id();
        }
    }

    /** Sends the update if this round still holds it; one whose lease ran out while it waited is left alone. */
    private Uni<Void> deliverIfStillHeld(Leased leased) {
        return updates.renewLease(leased.id(), leased.token(), clock.instant(), config.lease())
                .chain(held -> {
                    if (held) {
                        return deliver(leased);
                    }
                    LOG.infof("Declaration update %s: its lease ran out before its turn; left to the next round",
                            leased.id());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> deliver(Leased leased) {
        DeclarationUpdate update = leased.update();
        Instant started = clock.instant();
        int attempt = update.attempts() + 1;
        return customs.update(update.target(), update.targetServer(), update.declarationId(), update.body())
                .onItemOrFailure().transformToUni((answer, failure) -> failure != null
                        ? notTaken(leased, attempt, started, failure)
                        : answer.accepted() ? sent(leased, attempt, started, answer)
                        : refused(leased, attempt, started, answer));
    }

    private Uni<Void> sent(Leased leased, int attempt, Instant started, CustomsAnswer answer) {
        DeclarationUpdate update = leased.update();
        Instant now = clock.instant();
        LOG.infof("Declaration update %s delivered to %s (HTTP %d, attempt %d)", update.id(), update.target(),
                answer.httpStatus(), attempt);
        return record(leased, new DeliveryAttempt(attempt, started, Duration.between(started, now).toMillis(),
                "DELIVERED", answer.httpStatus(), null), tx -> delivered.merge(tx, update, now)
                .chain(changed -> updates.settle(tx, update.id(), leased.token(), UpdateStatus.SENT, attempt, null,
                        answer.httpStatus(), null, changed, false, now)));
    }

    private Uni<Void> refused(Leased leased, int attempt, Instant started, CustomsAnswer answer) {
        DeclarationUpdate update = leased.update();
        Instant now = clock.instant();
        String reason = "customs refused it (HTTP " + answer.httpStatus() + "): " + answer.reason();
        LOG.warnf("Declaration update %s FAILED: %s", update.id(), reason);
        failed.increment();
        return record(leased, new DeliveryAttempt(attempt, started, Duration.between(started, now).toMillis(),
                "REJECTED", answer.httpStatus(), answer.reason()), tx -> updates.settle(tx, update.id(),
                leased.token(), UpdateStatus.FAILED, attempt, null, answer.httpStatus(), reason, null, false, now));
    }

    private Uni<Void> notTaken(Leased leased, int attempt, Instant started, Throwable failure) {
        DeclarationUpdate update = leased.update();
        Instant now = clock.instant();
        if (failure instanceof CircuitBreakerOpenException) {
            // Nothing was sent: not an attempt. Asked again once the breaker may let calls through.
            return updates.postpone(update.id(), leased.token(), now.plus(CustomsClient.BREAKER_DELAY), now);
        }
        Integer status = failure instanceof CustomsUnavailableException unavailable ? unavailable.httpStatus() : null;
        String detail = failure.getMessage();
        boolean lastTry = attempt >= config.maxAttempts();
        Instant next = lastTry ? null : now.plus(pause(attempt));
        if (lastTry) {
            LOG.errorf("Declaration update %s FAILED after %d attempts: %s", update.id(), attempt, detail);
            failed.increment();
        } else {
            LOG.warnf("Declaration update %s not delivered (%s); trying again at %s", update.id(), detail, next);
        }
        return record(leased, new DeliveryAttempt(attempt, started, Duration.between(started, now).toMillis(),
                "RETRYABLE", status, detail), tx -> updates.settle(tx, update.id(), leased.token(),
                lastTry ? UpdateStatus.FAILED : UpdateStatus.PENDING, attempt, next, status,
                lastTry ? "gave up after " + attempt + " attempts: " + detail : null, null, status == null, now));
    }

    /**
     * Writes down a try and, in the same transaction, where it leaves the update ({@code settle}); should another
     * round hold the update by then, the try is still written down and the other round's outcome stands.
     */
    private Uni<Void> record(Leased leased, DeliveryAttempt tried, Function<SqlClient, Uni<Boolean>> settle) {
        return pool.withTransaction(tx -> updates.recordAttempt(tx, leased.id(), tried).chain(() -> settle.apply(tx)))
                .invoke(held -> {
                    if (!held) {
                        LOG.errorf("Declaration update %s: another round took it while attempt %d ran; its "
                                + "outcome was not recorded over that round's", leased.id(), tried.attempt());
                    }
                })
                .onFailure().invoke(failure -> LOG.errorf("Declaration update %s: attempt %d (%s) could not be "
                        + "recorded (%s); it is sent again once its lease runs out", leased.id(), tried.attempt(),
                        tried.outcome(), failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Duration pause(int attempt) {
        return new Backoff(config.backoff(), config.maxBackoff()).before(attempt);
    }
}

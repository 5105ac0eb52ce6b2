package tr.kopru.declaration.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Sends stored updates to the customs API, oldest first and one at a time per declaration. A refusal (4xx) is final
 * and the update is FAILED with the upstream's reason; a 5xx, a timeout or no connection is tried again with
 * growing pauses (a PUT of the same partial body is idempotent) until the attempts run out. Replicas share the work
 * through leases in the database. Should recording an outcome fail, the lease runs out and the update is sent
 * again, which the upstream takes as the same update.
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

    public DeliveryWorker(UpdateRepository updates, DeliveredState delivered, CustomsClient customs,
                          DeliveryConfig config, Pool pool, Clock clock) {
        this.updates = updates;
        this.delivered = delivered;
        this.customs = customs;
        this.config = config;
        this.pool = pool;
        this.clock = clock;
    }

    @Scheduled(every = "${kopru.declaration.delivery.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> deliverDue() {
        return deliverDueNow().replaceWithVoid();
    }

    /** One round: sends the updates that are due now; answers how many it tried. */
    public Uni<Integer> deliverDueNow() {
        return updates.claimDue(clock.instant(), config.lease(), config.batchSize())
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(this::deliver)
                        .collect().asList().replaceWith(due.size()));
    }

    private Uni<Void> deliver(DeclarationUpdate update) {
        Instant started = clock.instant();
        int attempt = update.attempts() + 1;
        return customs.update(update.target(), update.targetServer(), update.declarationId(), update.body())
                .onItemOrFailure().transformToUni((answer, failure) -> failure != null
                        ? notTaken(update, attempt, started, failure)
                        : answer.accepted() ? sent(update, attempt, started, answer)
                        : refused(update, attempt, started, answer));
    }

    private Uni<Void> sent(DeclarationUpdate update, int attempt, Instant started, CustomsAnswer answer) {
        Instant now = clock.instant();
        LOG.infof("Declaration update %s delivered to %s (HTTP %d, attempt %d)", update.id(), update.target(),
                answer.httpStatus(), attempt);
        return record(update, new DeliveryAttempt(attempt, started, Duration.between(started, now).toMillis(),
                "DELIVERED", answer.httpStatus(), null), tx -> delivered.merge(tx, update, now)
                .chain(changed -> updates.settle(tx, update.id(), UpdateStatus.SENT, attempt, null,
                        answer.httpStatus(), null, changed, now)));
    }

    private Uni<Void> refused(DeclarationUpdate update, int attempt, Instant started, CustomsAnswer answer) {
        Instant now = clock.instant();
        String reason = "customs refused it (HTTP " + answer.httpStatus() + "): " + answer.reason();
        LOG.warnf("Declaration update %s FAILED: %s", update.id(), reason);
        return record(update, new DeliveryAttempt(attempt, started, Duration.between(started, now).toMillis(),
                "REJECTED", answer.httpStatus(), answer.reason()), tx -> updates.settle(tx, update.id(),
                UpdateStatus.FAILED, attempt, null, answer.httpStatus(), reason, null, now));
    }

    private Uni<Void> notTaken(DeclarationUpdate update, int attempt, Instant started, Throwable failure) {
        Instant now = clock.instant();
        if (failure instanceof CircuitBreakerOpenException) {
            // Nothing was sent: not an attempt. Asked again once the breaker may let calls through.
            return updates.postpone(update.id(), now.plus(CustomsClient.BREAKER_DELAY), now);
        }
        Integer status = failure instanceof CustomsUnavailableException unavailable ? unavailable.httpStatus() : null;
        String detail = failure.getMessage();
        boolean lastTry = attempt >= config.maxAttempts();
        Instant next = lastTry ? null : now.plus(pause(attempt));
        if (lastTry) {
            LOG.errorf("Declaration update %s FAILED after %d attempts: %s", update.id(), attempt, detail);
        } else {
            LOG.warnf("Declaration update %s not delivered (%s); trying again at %s", update.id(), detail, next);
        }
        return record(update, new DeliveryAttempt(attempt, started, Duration.between(started, now).toMillis(),
                "RETRYABLE", status, detail), tx -> updates.settle(tx, update.id(),
                lastTry ? UpdateStatus.FAILED : UpdateStatus.PENDING, attempt, next, status,
                lastTry ? "gave up after " + attempt + " attempts: " + detail : null, null, now));
    }

    /** Writes down a try and, in the same transaction, where it leaves the update ({@code settle}). */
    private Uni<Void> record(DeclarationUpdate update, DeliveryAttempt tried, Function<SqlClient, Uni<Void>> settle) {
        return pool.withTransaction(tx -> updates.recordAttempt(tx, update.id(), tried).chain(() -> settle.apply(tx)));
    }

    private Duration pause(int attempt) {
        Duration pause = config.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return pause.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : pause;
    }
}

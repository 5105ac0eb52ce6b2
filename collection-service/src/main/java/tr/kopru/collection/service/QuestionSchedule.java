package tr.kopru.collection.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import tr.kopru.collection.config.CollectionConfig;
import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.runtime.time.Backoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When FlexCity is asked next about a collection whose outcome (collect or cancel) is open: after a question it did
 * not answer, or one it answered "not found" too soon to be proof. The pause doubles up to a cap; after
 * {@code max-attempts} unanswered questions nobody asks again and an operator decides.
 */
@ApplicationScoped
public class QuestionSchedule {

    private static final Logger LOG = Logger.getLogger(QuestionSchedule.class);

    private final CollectionRepository collections;
    private final CollectionConfig.Resolver config;
    private final Clock clock;

    public QuestionSchedule(CollectionRepository collections, CollectionConfig config, Clock clock) {
        this.collections = collections;
        this.config = config.resolver();
        this.clock = clock;
    }

    /** When the first question about a newly open outcome is due. */
    public Instant first() {
        return clock.instant().plus(config.firstDelay());
    }

    /**
     * The question could not be asked: the institution's read breaker is open. Not a question FlexCity left
     * unanswered, so it uses up no attempt; asked again after the pause of the last one.
     */
    public Uni<Void> notAsked(Collection open) {
        return askAgain(open, open.resolveAttempts(), open.notFoundAnswers());
    }

    /** What a failed question means: not asked (breaker open), or asked and left unanswered. */
    public Uni<Void> failed(Collection open, Throwable failure) {
        return failure instanceof CircuitBreakerOpenException ? notAsked(open) : unanswered(open, failure.getMessage());
    }

    /** FlexCity did not answer the question (or answered something that settles nothing). */
    public Uni<Void> unanswered(Collection open, String why) {
        int attempts = open.resolveAttempts() + 1;
        Instant now = clock.instant();
        if (attempts >= config.maxAttempts()) {
            LOG.errorf("Collection %s (transaction %s) is still %s after %d unanswered questions to FlexCity; an "
                    + "operator must decide (last: %s)", open.id(), open.transactionNumber(), open.state(), attempts, why);
            return collections.askLater(open.id(), open.state(), attempts, open.notFoundAnswers(), null, true, now);
        }
        LOG.warnf("Collection %s: FlexCity did not say (%s); asking again in %s", open.id(), why,
                pause(attempts + open.notFoundAnswers()));
        return askAgain(open, attempts, open.notFoundAnswers());
    }

    /** FlexCity answered "not found" for the {@code answers}-th time, before that is proof. */
    public Uni<Void> notFound(Collection open, int answers) {
        return askAgain(open, open.resolveAttempts(), answers);
    }

    /** Records the counters and the next question, after the pause their sum has earned. */
    private Uni<Void> askAgain(Collection open, int unanswered, int notFound) {
        Instant now = clock.instant();
        return collections.askLater(open.id(), open.state(), unanswered, notFound,
                now.plus(pause(unanswered + notFound)), open.needsOperator(), now);
    }

    /** Whether FlexCity's "not found" answers prove by now that it did not book the collection. */
    public boolean settled(Collection open, int notFoundAnswers) {
        return notFoundAnswers >= config.notFoundAnswers()
                && !clock.instant().isBefore(open.createdAt().plus(config.settleWindow()));
    }

    public Duration settleWindow() {
        return config.settleWindow();
    }

    private Duration pause(int questions) {
        return new Backoff(config.backoff(), config.maxBackoff()).before(questions);
    }
}

package tr.kopru.runtime.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import tr.kopru.model.event.EventType;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies each event once. The event id is recorded in {@code processed_event} in the same transaction as the
 * consumer's effect, so a redelivered event changes nothing. A poison record is nacked at once, which the channel's
 * {@code dead-letter-queue} failure strategy sends to {@code <topic>.dlq} with the reason in a header; other
 * failures are retried with backoff first.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final IncomingEvents events;
    private final long retryAttempts;
    private final Duration retryBackoffMax;
    private final DeadLetterCounter deadLettered;

    public IdempotentConsumer(IncomingEvents events,
                              @ConfigProperty(name = "kopru.consumer.retry-attempts") long retryAttempts,
                              @ConfigProperty(name = "kopru.consumer.retry-backoff-max") Duration retryBackoffMax,
                              DeadLetterCounter deadLettered) {
        this.events = events;
        this.retryAttempts = retryAttempts;
        this.retryBackoffMax = retryBackoffMax;
        this.deadLettered = deadLettered;
    }

    /**
     * Reads {@code message} as one of the {@code accepted} event types and applies {@code effect} to it once for
     * {@code consumer}; acks or nacks the message.
     */
    public Uni<Void> consume(Message<byte[]> message, String consumer, Set<EventType> accepted,
                             Function<IncomingEvent<Record>, Uni<Void>> effect) {
        IncomingEvent<Record> event;
        try {
            event = events.read(message, accepted);
        } catch (PoisonEventException poison) {
            LOG.warnf("%s: poison record sent to the dead-letter topic: %s", consumer, poison.getMessage());
            deadLettered.sentToDeadLetterTopicOf(message);
            return Uni.createFrom().completionStage(message.nack(poison));
        }
        return applyOnce(consumer, event, effect)
                .onFailure(failure -> !(failure instanceof PoisonEventException))
                .retry().withBackOff(Duration.ofMillis(200), retryBackoffMax).atMost(retryAttempts)
                .onItemOrFailure().transformToUni((applied, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    LOG.errorf("%s: event %s (%s) failed and goes to the dead-letter topic: %s",
                            consumer, event.id(), event.type().type(), failure.getMessage());
                    deadLettered.sentToDeadLetterTopicOf(message);
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    /** Answers whether the effect was applied now (false: the event had been applied before). */
    Uni<Boolean> applyOnce(String consumer, IncomingEvent<Record> event,
                           Function<IncomingEvent<Record>, Uni<Void>> effect) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                INSERT INTO processed_event (consumer, event_id, event_type)
                                VALUES (:consumer, :eventId, :eventType) ON CONFLICT DO NOTHING""")
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", event.id())
                        .setParameter("eventType", event.type().type())
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? effect.apply(event).replaceWith(true)
                        : Uni.createFrom().item(false)));
    }
}

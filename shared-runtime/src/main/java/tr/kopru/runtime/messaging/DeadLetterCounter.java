package tr.kopru.runtime.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Message;
import tr.kopru.model.Topics;

/**
 * Counts the records a consumer sends to a dead-letter topic, by that topic ({@code kopru_dead_lettered_records_total}):
 * each needs a person. Every dead-letter topic's counter is there from the service's start, at 0, so that an alert
 * on its increase sees the first.
 */
@Startup
@Singleton
public class DeadLetterCounter {

    static final String NAME = "kopru.dead.lettered.records";

    private final MeterRegistry metrics;

    public DeadLetterCounter(MeterRegistry metrics) {
        this.metrics = metrics;
        for (String topic : Topics.ALL) {
            counter(Topics.deadLetterOf(topic));
        }
    }

    /** One record sent to {@code deadLetterTopic}. */
    public void sentTo(String deadLetterTopic) {
        counter(deadLetterTopic).increment();
    }

    /** One record of {@code message}'s topic sent to that topic's dead-letter topic. */
    public void sentToDeadLetterTopicOf(Message<?> message) {
        message.getMetadata(IncomingKafkaRecordMetadata.class)
                .ifPresent(kafka -> sentTo(Topics.deadLetterOf(kafka.getTopic())));
    }

    private Counter counter(String deadLetterTopic) {
        return Counter.builder(NAME).tag("topic", deadLetterTopic)
                .description("Records sent to a dead-letter topic: each needs a person to look at it")
                .baseUnit("records").register(metrics);
    }
}

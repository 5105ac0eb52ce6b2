package tr.kopru.runtime.messaging;

import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import tr.kopru.model.event.EventType;
import tr.kopru.runtime.outbox.OutboxPublisher;
import tr.kopru.runtime.tracing.Tracing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Applies a whole Kafka batch of events in one transaction, each event once: the batch's event ids go into
 * {@code processed_event} in one statement, and only those not seen before (first occurrence) reach the effect,
 * with the transaction to write in. Poison records go to {@code <topic>.dlq} with a {@code dead-letter-reason}
 * header, the rest of the batch is applied. For consumers that must keep up with tens of thousands of events a
 * second; {@link IdempotentConsumer} is the one-event-at-a-time way. The batch is traced in a span of its own, each
 * event in a span of the trace it was sent in ({@link Tracing}).
 */
@ApplicationScoped
public class IdempotentBatchConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentBatchConsumer.class);
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";
    public static final String DEAD_LETTER_TOPIC = "dead-letter-topic";
    public static final String DEAD_LETTER_OFFSET = "dead-letter-offset";

    private final IncomingEvents events;
    private final Pool pool;
    private final KafkaClientService kafka;
    private final long retryAttempts;
    private final Duration retryBackoffMax;
    private final DeadLetterCounter deadLettered;
    private final Tracing tracing;

    public IdempotentBatchConsumer(IncomingEvents events, Pool pool, KafkaClientService kafka,
                                   @ConfigProperty(name = "kopru.consumer.retry-attempts") long retryAttempts,
                                   @ConfigProperty(name = "kopru.consumer.retry-backoff-max") Duration retryBackoffMax,
                                   DeadLetterCounter deadLettered, Tracing tracing) {
        this.events = events;
        this.pool = pool;
        this.kafka = kafka;
        this.retryAttempts = retryAttempts;
        this.retryBackoffMax = retryBackoffMax;
        this.deadLettered = deadLettered;
        this.tracing = tracing;
    }

    @SuppressWarnings("unchecked")
    public Uni<Void> consume(Message<List<byte[]>> batch, String consumer, Set<EventType> accepted,
                             BiFunction<SqlClient, List<IncomingEvent<Record>>, Uni<Void>> effect) {
        IncomingKafkaRecordBatchMetadata<String, byte[]> metadata =
                batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElse(null);
        if (metadata == null) {
            return Uni.createFrom().completionStage(batch.nack(new PoisonEventException("not a Kafka batch")));
        }
        ConsumerRecords<String, byte[]> records = metadata.getRecords();
        String topic = records.partitions().stream().map(TopicPartition::topic).findFirst().orElse("");
        Span batchSpan = tracing.consumingBatch(consumer, topic, records.count());
        List<IncomingEvent<Record>> read = new ArrayList<>();
        List<Span> eventSpans = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                IncomingEvent<Record> event = events.read(record.headers(), record.value(), accepted);
                read.add(event);
                eventSpans.add(tracing.processing(consumer, record.topic(), event.id().toString(), event.type().type(),
                        event.traceparent(), batchSpan));
            } catch (PoisonEventException poison) {
                LOG.warnf("%s: poison record %s-%d@%d sent to the dead-letter topic: %s", consumer, record.topic(),
                        record.partition(), record.offset(), poison.getMessage());
                deadLetters.add(deadLetter(record, poison.getMessage()));
            }
        }
        return applyOnce(consumer, read, effect)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), retryBackoffMax).atMost(retryAttempts)
                .chain(() -> sendDeadLetters(deadLetters))
                .onItemOrFailure().transformToUni((done, failure) -> {
                    eventSpans.forEach(span -> Tracing.end(span, failure));
                    Tracing.end(batchSpan, failure);
                    if (failure == null) {
                        return Uni.createFrom().completionStage(batch.ack());
                    }
                    LOG.errorf("%s: a batch of %d events failed: %s", consumer, read.size(), failure.getMessage());
                    return Uni.createFrom().completionStage(batch.nack(failure));
                });
    }

    private Uni<Void> applyOnce(String consumer, List<IncomingEvent<Record>> read,
                                BiFunction<SqlClient, List<IncomingEvent<Record>>, Uni<Void>> effect) {
        if (read.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = read.stream().map(IncomingEvent::id).toArray(UUID[]::new);
        String[] types = read.stream().map(e -> e.type().type()).toArray(String[]::new);
        return pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO processed_event (consumer, event_id, event_type) "
                        + "SELECT $1, id, type FROM unnest($2::uuid[], $3::text[]) AS e(id, type) "
                        + "ON CONFLICT DO NOTHING RETURNING event_id")
                .execute(Tuple.of(consumer, ids, types))
                .chain(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getUUID(0)));
                    List<IncomingEvent<Record>> toApply = new ArrayList<>();
                    for (IncomingEvent<Record> event : read) {
                        if (fresh.remove(event.id())) {
                            toApply.add(event);
                        }
                    }
                    return toApply.isEmpty() ? Uni.createFrom().voidItem() : effect.apply(tx, toApply);
                }));
    }

    private Uni<Void> sendDeadLetters(List<ProducerRecord<String, byte[]>> deadLetters) {
        if (deadLetters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        var producer = OutboxPublisher.producer(kafka);
        List<Uni<Void>> sends = deadLetters.stream()
                .map(record -> producer.send(record).invoke(sent -> deadLettered.sentTo(record.topic()))
                        .replaceWithVoid())
                .toList();
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private static ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(DEAD_LETTER_REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DEAD_LETTER_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(DEAD_LETTER_OFFSET, String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(record.topic() + ".dlq", null, record.key(), record.value(), headers);
    }
}

package tr.kopru.runtime.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import tr.kopru.runtime.db.SqlTimes;
import tr.kopru.runtime.outbox.OutboxPublisher;
import tr.kopru.runtime.rest.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The records this service's consumers set aside ({@link IdempotentBatchConsumer}: {@code <topic>.dlq}), read back
 * from Kafka for a person to see, and a record's replay: sent back to the topic it came from, once (the consumers
 * are idempotent, so a replay of an event already applied changes nothing), with who asked recorded.
 */
@ApplicationScoped
public class DeadLetters {

    /** At most this many of each partition's latest records are read. */
    static final int LATEST_PER_PARTITION = 1_000;
    private static final Set<String> DEAD_LETTER_HEADERS = Set.of(IdempotentBatchConsumer.DEAD_LETTER_REASON,
            IdempotentBatchConsumer.DEAD_LETTER_TOPIC, IdempotentBatchConsumer.DEAD_LETTER_OFFSET);

    private final DeadLetterReader reader;
    private final KafkaClientService kafka;
    private final Pool pool;
    private final Clock clock;
    private final List<String> topics;

    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, KafkaClientService kafka,
                       Pool pool, Clock clock, TopicNames names,
                       @ConfigProperty(name = "kopru.dead-letters.consumed-topics") Optional<List<String>> consumed) {
        this.reader = new DeadLetterReader(kafkaConfig);
        this.kafka = kafka;
        this.pool = pool;
        this.clock = clock;
        this.topics = consumed.orElse(List.of()).stream().map(topic -> names.resolve(topic) + ".dlq").toList();
    }

    /** The dead letters of {@code topic} (or of every topic when null), newest first, with their replays. */
    public Uni<List<DeadLetter>> list(String topic) {
        List<String> read = topic == null ? topics : List.of(known(topic));
        return Uni.createFrom().item(() -> fromKafka(() -> read.stream()
                        .flatMap(t -> reader.latest(t, LATEST_PER_PARTITION).stream()).toList()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(letters -> replays(read).map(replays -> letters.stream()
                        .map(letter -> replays.containsKey(key(letter.topic(), letter.partition(), letter.offset()))
                                ? letter.replayed(replays.get(key(letter.topic(), letter.partition(), letter.offset())))
                                : letter)
                        .sorted(Comparator.comparing(DeadLetter::deadLetteredAt).reversed()).toList()));
    }

    /**
     * Sends one dead letter back to the topic it came from, without its dead-letter headers; 404 when there is no
     * such record, 409 when it was replayed before.
     */
    public Uni<DeadLetter> replay(String topic, int partition, long offset, String actor) {
        String dlq = known(topic);
        Instant now = clock.instant();
        return Uni.createFrom().item(() -> fromKafka(() -> reader.one(dlq, partition, offset)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(record -> {
                    if (DeadLetterReader.header(record, IdempotentBatchConsumer.DEAD_LETTER_TOPIC) == null) {
                        throw ApiException.conflict("Record " + dlq + "/" + partition + "/" + offset
                                + " names no topic it came from");
                    }
                    return claim(dlq, partition, offset, actor, now)
                            .chain(() -> send(record).onFailure().call(() -> unclaim(dlq, partition, offset)))
                            .map(sent -> DeadLetterReader.letter(record).replayed(new DeadLetter.Replay(actor, now)));
                });
    }

    private Uni<Void> send(ConsumerRecord<String, byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!DEAD_LETTER_HEADERS.contains(header.key())) {
                headers.add(header);
            }
        }
        ProducerRecord<String, byte[]> back = new ProducerRecord<>(DeadLetterReader.header(record,
                IdempotentBatchConsumer.DEAD_LETTER_TOPIC), null, record.key(), record.value(), headers);
        return OutboxPublisher.producer(kafka).send(back).replaceWithVoid()
                .onFailure().transform(failure -> unavailable("did not take the record back", failure));
    }

    /** What Kafka is asked here; when it does not answer in time, a 503 to try again. */
    private static <T> T fromKafka(Supplier<T> read) {
        try {
            return read.get();
        } catch (KafkaException e) {
            throw unavailable("did not answer", e);
        }
    }

    private static ApiException unavailable(String what, Throwable failure) {
        return new ApiException(503, "Kafka " + what + " (" + failure.getMessage() + "); try again", Map.of());
    }

    private Uni<Void> claim(String topic, int partition, long offset, String actor, Instant at) {
        return pool.preparedQuery("INSERT INTO dead_letter_replay (dlq_topic, dlq_partition, dlq_offset, actor, "
                        + "replayed_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING actor")
                .execute(Tuple.of(topic, partition, offset, actor, SqlTimes.offset(at)))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.conflict("Record " + topic + "/" + partition + "/" + offset
                                + " was replayed already");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> unclaim(String topic, int partition, long offset) {
        return pool.preparedQuery("DELETE FROM dead_letter_replay WHERE dlq_topic = $1 AND dlq_partition = $2 "
                + "AND dlq_offset = $3").execute(Tuple.of(topic, partition, offset)).replaceWithVoid();
    }

    private Uni<Map<String, DeadLetter.Replay>> replays(List<String> ofTopics) {
        return pool.preparedQuery("SELECT dlq_topic, dlq_partition, dlq_offset, actor, replayed_at "
                        + "FROM dead_letter_replay WHERE dlq_topic = ANY($1)")
                .execute(Tuple.of(ofTopics.toArray(String[]::new))).map(rows -> {
                    Map<String, DeadLetter.Replay> replays = new HashMap<>();
                    for (Row row : rows) {
                        replays.put(key(row.getString(0), row.getInteger(1), row.getLong(2)),
                                new DeadLetter.Replay(row.getString(3), SqlTimes.instant(row.getOffsetDateTime(4))));
                    }
                    return replays;
                });
    }

    private String known(String topic) {
        if (!topics.contains(topic)) {
            throw ApiException.notFound("No dead-letter topic " + topic + " here; this service's are " + topics);
        }
        return topic;
    }

    private static String key(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }
}

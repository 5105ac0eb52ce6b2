package tr.kopru.runtime.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import tr.kopru.model.event.CloudEventHeaders;
import tr.kopru.runtime.db.SqlTimes;
import tr.kopru.runtime.outbox.OutboxPublisher;
import tr.kopru.runtime.rest.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The records this service's consumers set aside ({@link IdempotentBatchConsumer}: {@code <topic>.dlq}), read back
 * from Kafka for a person to see, and a record's replay: sent back to the topic it came from, once (the consumers
 * are idempotent, so a replay of an event already applied changes nothing), with who asked recorded.
 */
@ApplicationScoped
public class DeadLetters {

    /** At most this many of each partition's latest records are read. */
    static final int LATEST_PER_PARTITION = 1_000;
    private static final Duration READ_LIMIT = Duration.ofSeconds(10);
    private static final Set<String> DEAD_LETTER_HEADERS = Set.of(IdempotentBatchConsumer.DEAD_LETTER_REASON,
            IdempotentBatchConsumer.DEAD_LETTER_TOPIC, IdempotentBatchConsumer.DEAD_LETTER_OFFSET);

    private final Map<String, Object> kafkaConfig;
    private final KafkaClientService kafka;
    private final Pool pool;
    private final Clock clock;
    private final List<String> topics;

    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, KafkaClientService kafka,
                       Pool pool, Clock clock, TopicNames names,
                       @ConfigProperty(name = "kopru.dead-letters.consumed-topics") Optional<List<String>> consumed) {
        this.kafkaConfig = kafkaConfig;
        this.kafka = kafka;
        this.pool = pool;
        this.clock = clock;
        this.topics = consumed.orElse(List.of()).stream().map(topic -> names.resolve(topic) + ".dlq").toList();
    }

    /** The dead-letter topics of this service's consumers. */
    public List<String> topics() {
        return topics;
    }

    /** The dead letters of {@code topic} (or of every topic when null), newest first, with their replays. */
    public Uni<List<DeadLetter>> list(String topic) {
        List<String> read = topic == null ? topics : List.of(known(topic));
        return Uni.createFrom().item(() -> read.stream().flatMap(t -> readLatest(t).stream()).toList())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(letters -> replays().map(replays -> letters.stream()
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
        return Uni.createFrom().item(() -> readOne(dlq, partition, offset))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(record -> {
                    if (header(record, IdempotentBatchConsumer.DEAD_LETTER_TOPIC) == null) {
                        throw ApiException.conflict("Record " + dlq + "/" + partition + "/" + offset
                                + " names no topic it came from");
                    }
                    return claim(dlq, partition, offset, actor, now)
                            .chain(() -> send(record).onFailure().call(() -> unclaim(dlq, partition, offset)))
                            .map(sent -> letter(record).replayed(new DeadLetter.Replay(actor, now)));
                });
    }

    private Uni<Void> send(ConsumerRecord<String, byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!DEAD_LETTER_HEADERS.contains(header.key())) {
                headers.add(header);
            }
        }
        ProducerRecord<String, byte[]> back = new ProducerRecord<>(header(record,
                IdempotentBatchConsumer.DEAD_LETTER_TOPIC), null, record.key(), record.value(), headers);
        return OutboxPublisher.producer(kafka).send(back).replaceWithVoid();
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

    private Uni<Map<String, DeadLetter.Replay>> replays() {
        return pool.query("SELECT dlq_topic, dlq_partition, dlq_offset, actor, replayed_at FROM dead_letter_replay")
                .execute().map(rows -> {
                    Map<String, DeadLetter.Replay> replays = new HashMap<>();
                    for (Row row : rows) {
                        replays.put(key(row.getString(0), row.getInteger(1), row.getLong(2)),
                                new DeadLetter.Replay(row.getString(3), SqlTimes.instant(row.getOffsetDateTime(4))));
                    }
                    return replays;
                });
    }

    private List<DeadLetter> readLatest(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_LIMIT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_LIMIT);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, READ_LIMIT);
            partitions.forEach(p -> consumer.seek(p, Math.max(begins.get(p), ends.get(p) - LATEST_PER_PARTITION)));
            List<DeadLetter> letters = new ArrayList<>();
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> letters.add(letter(record)));
            }
            return letters;
        }
    }

    private ConsumerRecord<String, byte[]> readOne(String topic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition place = new TopicPartition(topic, partition);
            if (consumer.partitionsFor(topic, READ_LIMIT).stream().noneMatch(p -> p.partition() == partition)) {
                throw ApiException.notFound("Topic " + topic + " has no partition " + partition);
            }
            consumer.assign(List.of(place));
            long end = consumer.endOffsets(List.of(place), READ_LIMIT).get(place);
            if (offset < 0 || offset >= end) {
                throw ApiException.notFound("No record " + topic + "/" + partition + "/" + offset);
            }
            consumer.seek(place, offset);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                    if (record.offset() > offset) {
                        throw ApiException.notFound("No record " + topic + "/" + partition + "/" + offset
                                + " (removed by retention or compaction)");
                    }
                }
            }
            throw new IllegalStateException("record " + topic + "/" + partition + "/" + offset + " not read within "
                    + READ_LIMIT.toSeconds() + " s");
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "kopru-dead-letters-" + System.nanoTime());
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private String known(String topic) {
        if (!topics.contains(topic)) {
            throw ApiException.notFound("No dead-letter topic " + topic + " here; this service's are " + topics);
        }
        return topic;
    }

    private static DeadLetter letter(ConsumerRecord<String, byte[]> record) {
        String offset = header(record, IdempotentBatchConsumer.DEAD_LETTER_OFFSET);
        Long originalOffset = null;
        if (offset != null) {
            try {
                originalOffset = Long.parseLong(offset);
            } catch (NumberFormatException e) {
                originalOffset = null;
            }
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                header(record, IdempotentBatchConsumer.DEAD_LETTER_TOPIC), originalOffset,
                header(record, IdempotentBatchConsumer.DEAD_LETTER_REASON), header(record, CloudEventHeaders.ID),
                header(record, CloudEventHeaders.TYPE), Instant.ofEpochMilli(record.timestamp()), null);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String key(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }
}

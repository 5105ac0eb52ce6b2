package tr.kopru.runtime.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tr.kopru.model.event.CloudEventHeaders;
import tr.kopru.runtime.rest.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads dead-letter topics back, with a consumer of its own that joins no group and commits nothing: a partition's
 * latest records, or one record by its place. Blocking; each read gives up after {@link #READ_LIMIT}.
 */
final class DeadLetterReader {

    static final Duration READ_LIMIT = Duration.ofSeconds(10);

    private final Map<String, Object> kafkaConfig;

    DeadLetterReader(Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /** The latest {@code perPartition} records of each of {@code topic}'s partitions. */
    List<DeadLetter> latest(String topic, int perPartition) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_LIMIT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_LIMIT);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, READ_LIMIT);
            partitions.forEach(p -> consumer.seek(p, Math.max(begins.get(p), ends.get(p) - perPartition)));
            List<DeadLetter> letters = new ArrayList<>();
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> letters.add(letter(record)));
            }
            return letters;
        }
    }

    /** The record at {@code offset} of {@code topic}'s {@code partition}; 404 when there is none. */
    ConsumerRecord<String, byte[]> one(String topic, int partition, long offset) {
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
            throw new KafkaException("record " + topic + "/" + partition + "/" + offset + " not read within "
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

    static DeadLetter letter(ConsumerRecord<String, byte[]> record) {
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

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

}

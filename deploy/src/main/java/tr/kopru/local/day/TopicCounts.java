package tr.kopru.local.day;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How many records each topic holds: the sum over its partitions of latest minus earliest offset. */
final class TopicCounts implements AutoCloseable {

    private final Admin admin;

    TopicCounts(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        admin = Admin.create(config);
    }

    Map<String, Long> count(List<String> topics) {
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            descriptions.values().forEach(topic -> topic.partitions().forEach(p -> {
                earliest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest());
            }));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> from = admin.listOffsets(earliest).all()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> to = admin.listOffsets(latest).all()
                    .get(10, TimeUnit.SECONDS);
            Map<String, Long> counts = new LinkedHashMap<>();
            topics.forEach(topic -> counts.put(topic, 0L));
            to.forEach((partition, end) -> counts.merge(partition.topic(),
                    end.offset() - from.get(partition).offset(), Long::sum));
            return counts;
        } catch (ExecutionException | TimeoutException e) {
            throw new WalkthroughFailure("cannot read the topics' offsets from Kafka: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalkthroughFailure("interrupted");
        }
    }

    long count(String topic) {
        return count(List.of(topic)).get(topic);
    }

    @Override
    public void close() {
        admin.close();
    }
}

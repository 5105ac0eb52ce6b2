package tr.kopru.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads what a topic holds, as a consumer would, for tests that count records: from the beginning until at least
 * the records expected have come (or time runs out), then on until none has come for a quiet spell, so that a
 * record too many is seen too.
 */
public final class TopicRecords {

    private TopicRecords() {
    }

    /** The records of {@code topic} that {@code mine} accepts. */
    public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic,
                                                            Predicate<ConsumerRecord<String, String>> mine,
                                                            long atLeast, Duration within, Duration quiet) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            ConsumerTask<String, String> task = companion.consumeStrings().fromTopics(topic);
            long deadline = System.currentTimeMillis() + within.toMillis();
            while (System.currentTimeMillis() < deadline && count(task, mine) < atLeast) {
                pause(Duration.ofMillis(200));
            }
            long seen;
            do {
                seen = task.count();
                pause(quiet);
            } while (task.count() != seen);
            task.stop();
            return task.getRecords().stream().filter(mine).toList();
        }
    }

    private static long count(ConsumerTask<String, String> task, Predicate<ConsumerRecord<String, String>> mine) {
        return task.getRecords().stream().filter(mine).count();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a topic", e);
        }
    }
}

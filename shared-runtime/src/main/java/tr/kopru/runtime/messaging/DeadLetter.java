package tr.kopru.runtime.messaging;

import java.time.Instant;

/**
 * A record in a dead-letter topic: where it sits, where it came from and why it was set aside, the event it claims
 * to be, and its replay if it was sent back to its topic.
 */
public record DeadLetter(String topic, int partition, long offset, String key, String originalTopic,
                         Long originalOffset, String reason, String eventId, String eventType, Instant deadLetteredAt,
                         Replay replay) {

    /** Who sent the record back to its topic, and when. */
    public record Replay(String actor, Instant at) {
    }

    DeadLetter replayed(Replay by) {
        return new DeadLetter(topic, partition, offset, key, originalTopic, originalOffset, reason, eventId, eventType,
                deadLetteredAt, by);
    }
}

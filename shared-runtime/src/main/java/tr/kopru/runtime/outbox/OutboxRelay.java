package tr.kopru.runtime.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Publishes pending outbox rows to Kafka in position order and stamps them published only after the broker's
 * acknowledgement. When a send fails, the rows from the first failure on stay pending and go out on a later run, so
 * nothing is lost while Kafka is away.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Channel of the relay's producer; configured with acks=all and idempotence. */
    public static final String CHANNEL = "kopru-outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final MutinyEmitter<byte[]> emitter;
    private final String source;
    private final int batchSize;

    public OutboxRelay(Pool pool,
                       @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                       MutinyEmitter<byte[]> emitter,
                       @ConfigProperty(name = "quarkus.application.name") String source,
                       @ConfigProperty(name = "kopru.outbox.batch-size") int batchSize) {
        this.pool = pool;
        this.emitter = emitter;
        this.source = source;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${kopru.outbox.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relayPending() {
        return relayBatch().replaceWithVoid();
    }

    /** Publishes one batch of pending rows; answers how many were published. */
    public Uni<Integer> relayBatch() {
        return pool.preparedQuery("""
                        SELECT id, topic, record_key, event_type, subject, payload, created_at
                        FROM outbox_event WHERE published_at IS NULL ORDER BY position LIMIT $1""")
                .execute(Tuple.of(batchSize))
                .map(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    return pending;
                })
                .chain(this::publishInOrder);
    }

    private Uni<Integer> publishInOrder(List<Row> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Throwable>> sends = pending.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().chain(failures -> {
            int published = 0;
            while (published < failures.size() && failures.get(published) == null) {
                published++;
            }
            List<UUID> publishedIds = pending.subList(0, published).stream().map(r -> r.getUUID("id")).toList();
            Uni<Void> marked = markPublished(publishedIds);
            if (published < pending.size()) {
                Throwable failure = failures.get(published);
                UUID failedId = pending.get(published).getUUID("id");
                LOG.warnf("Outbox relay stopped at event %s: %s; %d event(s) stay pending",
                        failedId, failure.getMessage(), pending.size() - published);
                marked = marked.chain(() -> markFailed(failedId, failure));
            }
            int count = published;
            return marked.replaceWith(count);
        });
    }

    /** Sends one row; answers null once acknowledged, or the failure. */
    private Uni<Throwable> send(Row row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.getUUID("id").toString());
        header(headers, "ce_type", row.getString("event_type"));
        header(headers, "ce_source", source);
        header(headers, "ce_subject", row.getString("subject"));
        header(headers, "ce_time", row.getOffsetDateTime("created_at").withOffsetSameInstant(ZoneOffset.UTC).toString());
        header(headers, "ce_datacontenttype", "application/json");
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("record_key"))
                .withHeaders(headers)
                .build();
        Message<byte[]> message = Message.of(row.getString("payload").getBytes(StandardCharsets.UTF_8))
                .addMetadata(metadata);
        return emitter.sendMessage(message).replaceWith((Throwable) null).onFailure().recoverWithItem(t -> t);
    }

    private Uni<Void> markPublished(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("UPDATE outbox_event SET published_at = $1, last_error = NULL WHERE id = ANY($2)")
                .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC), ids.toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    private Uni<Void> markFailed(UUID id, Throwable failure) {
        return pool.preparedQuery("UPDATE outbox_event SET attempts = attempts + 1, last_error = $1 WHERE id = $2")
                .execute(Tuple.of(String.valueOf(failure.getMessage()), id))
                .replaceWithVoid();
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

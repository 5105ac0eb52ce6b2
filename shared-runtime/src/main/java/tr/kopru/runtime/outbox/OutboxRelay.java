package tr.kopru.runtime.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import tr.kopru.model.event.CloudEventHeaders;
import tr.kopru.runtime.db.IndexPlans;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes pending outbox rows to Kafka, in position order for each aggregate, and deletes them only after the
 * broker's acknowledgement. It runs when a commit wakes it (see {@link OutboxListener}), gathering what commits within
 * {@code kopru.outbox.wake-delay}, and on a poll that catches whatever a lost notification left behind. One replica relays at a time (a PostgreSQL advisory lock). When a send fails, the rows from the
 * first failure on stay pending and the relay backs off, so nothing is lost while Kafka is away; a row may then be
 * sent twice, and consumers deduplicate on its id.
 */
@ApplicationScoped
public class OutboxRelay {

    /**
     * Channel of the relay's producer; configured with acks=all and idempotence. The relay sends through the
     * producer directly: an emitter's message, metadata and context bookkeeping per event cost about 15% of the
     * service's CPU in a first installation sync.
     */
    public static final String CHANNEL = "kopru-outbox";

    /** Advisory lock that keeps a second replica's relay from publishing the same rows. */
    private static final long RELAY_LOCK = 0x6b6f7072755f6f62L;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final KafkaClientService kafka;
    private final OutboxStatistics statistics;
    private final Clock clock;
    private final String source;
    private final int batchSize;
    private final Duration backoffInitial;
    private final Duration backoffMax;

    private final Vertx vertx;
    private final Duration wakeDelay;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    /** Runs asked for since the current one started (0: none running); see {@link #relay}. */
    private final AtomicInteger requested = new AtomicInteger();
    private volatile int consecutiveFailures;
    private volatile Instant pausedUntil = Instant.MIN;

    public OutboxRelay(Pool pool,
                       Vertx vertx,
                       KafkaClientService kafka,
                       OutboxStatistics statistics,
                       Clock clock,
                       @ConfigProperty(name = "quarkus.application.name") String source,
                       @ConfigProperty(name = "kopru.outbox.batch-size") int batchSize,
                       @ConfigProperty(name = "kopru.outbox.wake-delay") Duration wakeDelay,
                       @ConfigProperty(name = "kopru.outbox.backoff-initial") Duration backoffInitial,
                       @ConfigProperty(name = "kopru.outbox.backoff-max") Duration backoffMax) {
        this.pool = pool;
        this.vertx = vertx;
        this.kafka = kafka;
        this.statistics = statistics;
        this.clock = clock;
        this.source = source;
        this.batchSize = batchSize;
        this.wakeDelay = wakeDelay;
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
    }

    @Scheduled(every = "${kopru.outbox.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relayPending() {
        return relay();
    }

    /** Events were committed: relays them after the wake delay, together with whatever else commits meanwhile. */
    void wake() {
        if (wakeScheduled.compareAndSet(false, true)) {
            vertx.setTimer(Math.max(1, wakeDelay.toMillis()), id -> {
                wakeScheduled.set(false);
                relayDetached();
            });
        }
    }

    private void relayDetached() {
        relay().subscribe().with(done -> { }, failure -> LOG.warnf("Outbox relay run failed: %s", failure.getMessage()));
    }

    /**
     * One run at a time in this process (and one replica at a time, see {@link #relayBatch}), none while backing
     * off. Asked again while it runs, it runs once more right after: the running batch may have been read before
     * the commit that asked. A run that failed leaves the next one to its backoff's timer.
     */
    private Uni<Void> relay() {
        return Uni.createFrom().deferred(() -> {
            LOG.tracef("Outbox relay run (paused until %s)", pausedUntil);
            if (clock.instant().isBefore(pausedUntil) || requested.getAndIncrement() > 0) {
                return Uni.createFrom().voidItem();
            }
            return drainWhileRequested();
        });
    }

    private Uni<Void> drainWhileRequested() {
        int asked = requested.get();
        return drain().chain(this::refreshStatistics)
                .onFailure().invoke(() -> requested.set(0))
                .chain(() -> {
                    boolean again = requested.addAndGet(-asked) > 0;
                    if (again && clock.instant().isBefore(pausedUntil)) {
                        requested.set(0);
                        again = false;
                    }
                    return again ? drainWhileRequested() : Uni.createFrom().voidItem();
                });
    }

    /**
     * Publishes batches until the outbox is empty or a send fails. A stream rather than a recursion, so that a
     * published batch is garbage at once, however long the backlog.
     */
    Uni<Void> drain() {
        return Multi.createBy().repeating().uni(this::relayBatch)
                .whilst(result -> result.published() == batchSize && !result.failed())
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<BatchResult> relayBatch() {
        // The outbox swings between empty and a burst of thousands within seconds, so its statistics are always
        // stale: planned from the empty table, the ordered read below scanned the whole table for every batch. It
        // is told, for this transaction only, to walk the primary key.
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT " + IndexPlans.FOR_THIS_TRANSACTION + ", pg_try_advisory_xact_lock($1) AS locked")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(rows -> rows.iterator().next().getBoolean("locked")
                        ? publishPending(connection) : Uni.createFrom().item(BatchResult.NONE)));
    }

    private Uni<BatchResult> publishPending(SqlClient connection) {
        return connection.preparedQuery("""
                        SELECT position, id, topic, record_key, event_type, data_schema, payload, created_at
                        FROM outbox_event ORDER BY position LIMIT $1""")
                .execute(Tuple.of(batchSize))
                .chain(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    return pending.isEmpty() ? Uni.createFrom().item(BatchResult.NONE)
                            : publishInOrder(connection, pending);
                });
    }

    /**
     * Sends the rows of different aggregates concurrently and the rows of one aggregate one after another, each only
     * once the previous one is acknowledged: a retried send can never overtake a later event of its aggregate.
     */
    private Uni<BatchResult> publishInOrder(SqlClient connection, List<Row> pending) {
        KafkaProducer<String, byte[]> producer = producer(kafka);
        Map<String, List<Row>> byAggregate = new LinkedHashMap<>();
        pending.forEach(row -> byAggregate.computeIfAbsent(row.getString("record_key"), k -> new ArrayList<>()).add(row));
        List<Uni<ChainResult>> chains = byAggregate.values().stream()
                .map(rows -> sendInSequence(producer, rows, 0, new ArrayList<>())).toList();
        return Uni.join().all(chains).andFailFast().chain(results -> {
            List<Long> published = results.stream().flatMap(r -> r.published().stream()).toList();
            List<ChainResult> failed = results.stream().filter(r -> r.failure() != null).toList();
            statistics.recordPublished(published.size());
            LOG.debugf("Outbox relay: %d of %d event(s) published", published.size(), pending.size());
            Uni<Void> marked = forget(connection, published);
            if (failed.isEmpty()) {
                consecutiveFailures = 0;
                return marked.replaceWith(new BatchResult(published.size(), false));
            }
            ChainResult first = failed.get(0);
            backOff(first.failure(), first.failed().getUUID("id"), pending.size() - published.size());
            for (ChainResult chain : failed) {
                marked = marked.chain(() -> markFailed(connection, chain.failed().getLong("position"),
                        chain.failure()));
            }
            return marked.replaceWith(new BatchResult(published.size(), true));
        });
    }

    private Uni<ChainResult> sendInSequence(KafkaProducer<String, byte[]> producer, List<Row> rows, int index,
                                            List<Long> published) {
        if (index == rows.size()) {
            return Uni.createFrom().item(new ChainResult(published, null, null));
        }
        Row row = rows.get(index);
        return send(producer, row).chain(failure -> {
            if (failure != null) {
                return Uni.createFrom().item(new ChainResult(published, row, failure));
            }
            published.add(row.getLong("position"));
            return sendInSequence(producer, rows, index + 1, published);
        });
    }

    /** Sends one row; answers null once acknowledged, or the failure. */
    private Uni<Throwable> send(KafkaProducer<String, byte[]> producer, Row row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, row.getUUID("id").toString());
        header(headers, CloudEventHeaders.TYPE, row.getString("event_type"));
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.SUBJECT, row.getString("record_key"));
        header(headers, CloudEventHeaders.TIME,
                row.getOffsetDateTime("created_at").withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString());
        header(headers, CloudEventHeaders.DATA_CONTENT_TYPE, CloudEventHeaders.JSON);
        if (row.getString("data_schema") != null) {
            header(headers, CloudEventHeaders.DATA_SCHEMA, row.getString("data_schema"));
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.getString("topic"), null,
                row.getString("record_key"), row.getString("payload").getBytes(StandardCharsets.UTF_8), headers);
        return producer.send(record).replaceWith((Throwable) null).onFailure().recoverWithItem(t -> t);
    }

    /** The producer of {@link #CHANNEL}: every record Köprü writes to Kafka (events, dead letters) leaves through it. */
    public static KafkaProducer<String, byte[]> producer(KafkaClientService kafka) {
        return Objects.requireNonNull(kafka.getProducer(CHANNEL),
                "no Kafka producer for channel " + CHANNEL + ": is mp.messaging.outgoing." + CHANNEL + " configured?");
    }

    private void backOff(Throwable failure, UUID failedId, int stillPending) {
        consecutiveFailures++;
        long factor = 1L << Math.min(consecutiveFailures - 1, 16);
        Duration pause = backoffInitial.multipliedBy(factor);
        pause = pause.compareTo(backoffMax) > 0 ? backoffMax : pause;
        pausedUntil = clock.instant().plus(pause);
        vertx.setTimer(pause.toMillis() + 1, id -> relayDetached());
        statistics.recordFailure(failure.getMessage());
        LOG.warnf("Outbox relay stopped at event %s (%s); %d event(s) stay pending; next try in %d ms",
                failedId, failure.getMessage(), stillPending, pause.toMillis());
    }

    /** Acknowledged rows leave the outbox: from here on the event is Kafka's. */
    private static Uni<Void> forget(SqlClient connection, List<Long> positions) {
        if (positions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("DELETE FROM outbox_event WHERE position = ANY($1)")
                .execute(Tuple.of(positions.toArray(Long[]::new)))
                .replaceWithVoid();
    }

    private static Uni<Void> markFailed(SqlClient connection, long position, Throwable failure) {
        return connection.preparedQuery(
                        "UPDATE outbox_event SET attempts = attempts + 1, last_error = $1 WHERE position = $2")
                .execute(Tuple.of(String.valueOf(failure.getMessage()), position))
                .replaceWithVoid();
    }

    private Uni<Void> refreshStatistics() {
        return pool.query("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox_event").execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    var oldest = row.getOffsetDateTime("oldest");
                    statistics.recordPending(row.getLong("pending"), oldest == null ? null : oldest.toInstant());
                })
                .replaceWithVoid();
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** What one aggregate's sends achieved: the acknowledged rows' positions, and the row that failed, if one did. */
    private record ChainResult(List<Long> published, Row failed, Throwable failure) {
    }

    private record BatchResult(int published, boolean failed) {
        static final BatchResult NONE = new BatchResult(0, false);
    }
}

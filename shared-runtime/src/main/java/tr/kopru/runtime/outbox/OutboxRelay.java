package tr.kopru.runtime.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import tr.kopru.runtime.db.IndexPlans;
import tr.kopru.runtime.time.Backoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes pending outbox rows to Kafka, in position order for each aggregate, and deletes them only after the
 * broker's acknowledgement ({@link OutboxPublisher} sends them). It runs when a commit wakes it (see
 * {@link OutboxListener}), gathering what commits within {@code kopru.outbox.wake-delay}, and on a poll that catches
 * whatever a lost notification left behind; it reads after the last position it sent ({@link OutboxCursor} says
 * where). One replica relays at a time (a PostgreSQL advisory lock). When a send fails, the rows from the first
 * failure on stay pending and the relay backs off, so nothing is lost while Kafka is away; a row may then be sent
 * twice, and consumers deduplicate on its id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock that keeps a second replica's relay from publishing the same rows. */
    private static final long RELAY_LOCK = 0x6b6f7072755f6f62L;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxPublisher publisher;
    private final OutboxStatistics statistics;
    private final Clock clock;
    private final int batchSize;
    private final Duration wakeDelay;
    private final Backoff backoff;

    private final OutboxCursor cursor;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    /** Runs asked for since the current one started (0: none running); see {@link #relay}. */
    private final AtomicInteger requested = new AtomicInteger();
    private volatile int consecutiveFailures;
    private volatile Instant pausedUntil = Instant.MIN;

    public OutboxRelay(Pool pool,
                       Vertx vertx,
                       OutboxPublisher publisher,
                       OutboxStatistics statistics,
                       Clock clock,
                       @ConfigProperty(name = "kopru.outbox.batch-size") int batchSize,
                       @ConfigProperty(name = "kopru.outbox.wake-delay") Duration wakeDelay,
                       @ConfigProperty(name = "kopru.outbox.gap-wait") Duration gapWait,
                       @ConfigProperty(name = "kopru.outbox.backoff-initial") Duration backoffInitial,
                       @ConfigProperty(name = "kopru.outbox.backoff-max") Duration backoffMax) {
        this.pool = pool;
        this.vertx = vertx;
        this.publisher = publisher;
        this.statistics = statistics;
        this.clock = clock;
        this.batchSize = batchSize;
        this.wakeDelay = wakeDelay;
        this.backoff = new Backoff(backoffInitial, backoffMax);
        this.cursor = new OutboxCursor(gapWait);
    }

    @Scheduled(every = "${kopru.outbox.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relayPending() {
        cursor.sweep();
        return relay().chain(this::refreshStatistics);
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
     * off: the backoff's timer starts the next one. Asked again while it runs, it runs once more right after, since
     * the running batch may have been read before the commit that asked.
     */
    private Uni<Void> relay() {
        return Uni.createFrom().deferred(() -> requested.getAndIncrement() > 0 ? Uni.createFrom().voidItem()
                : drainWhileRequested());
    }

    private Uni<Void> drainWhileRequested() {
        LOG.tracef("Outbox relay run (paused until %s)", pausedUntil);
        if (clock.instant().isBefore(pausedUntil)) {
            requested.set(0);
            return Uni.createFrom().voidItem();
        }
        int asked = requested.get();
        return drain()
                .onFailure().invoke(() -> requested.set(0))
                .chain(() -> requested.addAndGet(-asked) == 0 ? Uni.createFrom().voidItem() : drainWhileRequested());
    }

    /**
     * Publishes batches until the outbox is empty or a send fails. A stream rather than a recursion, so that a
     * published batch is garbage at once, however long the backlog.
     */
    Uni<Void> drain() {
        return Multi.createBy().repeating().uni(this::relayBatch)
                .whilst(result -> result.positions().size() == batchSize && !result.failed())
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<BatchResult> relayBatch() {
        // The outbox swings between empty and a burst of thousands within seconds, so its statistics are always
        // stale: planned from the empty table, the ordered read below scanned the whole table for every batch. It
        // is told, for this transaction only, to walk the primary key.
        return pool.withTransaction(connection -> connection
                        .preparedQuery("SELECT " + IndexPlans.FOR_THIS_TRANSACTION
                                + ", pg_try_advisory_xact_lock($1) AS locked")
                        .execute(Tuple.of(RELAY_LOCK))
                        .chain(rows -> rows.iterator().next().getBoolean("locked")
                                ? publishPending(connection) : Uni.createFrom().item(BatchResult.NONE)))
                .invoke(result -> {
                    if (!result.failed()) {
                        cursor.sent(result.positions(), clock.instant());
                    }
                });
    }

    private Uni<BatchResult> publishPending(SqlClient connection) {
        return connection.preparedQuery("""
                        SELECT position, id, topic, record_key, event_type, data_schema,
                               convert_to(payload, 'UTF8') AS payload, created_at, traceparent
                        FROM outbox_event WHERE position > $2 ORDER BY position LIMIT $1""")
                .execute(Tuple.of(batchSize, cursor.readAfter(clock.instant())))
                .chain(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    return pending.isEmpty() ? Uni.createFrom().item(BatchResult.NONE)
                            : publishInOrder(connection, pending);
                });
    }

    /** Publishes a batch, forgets the acknowledged rows and, after a failed send, marks the rows and backs off. */
    private Uni<BatchResult> publishInOrder(SqlClient connection, List<Row> pending) {
        return publisher.publish(pending).chain(results -> {
            List<Long> published = results.stream().flatMap(r -> r.published().stream()).toList();
            List<OutboxPublisher.AggregateResult> failed = results.stream().filter(r -> r.failure() != null).toList();
            statistics.recordPublished(published.size());
            LOG.debugf("Outbox relay: %d of %d event(s) published", published.size(), pending.size());
            Uni<Void> marked = forget(connection, published);
            if (failed.isEmpty()) {
                consecutiveFailures = 0;
                return marked.replaceWith(new BatchResult(published, false));
            }
            OutboxPublisher.AggregateResult first = failed.get(0);
            backOff(first.failure(), first.failed().getUUID("id"), pending.size() - published.size());
            for (OutboxPublisher.AggregateResult chain : failed) {
                marked = marked.chain(() -> markFailed(connection, chain.failed().getLong("position"),
                        chain.failure()));
            }
            return marked.chain(this::refreshStatistics).replaceWith(new BatchResult(published, true));
        });
    }

    private void backOff(Throwable failure, UUID failedId, int stillPending) {
        consecutiveFailures++;
        Duration pause = backoff.before(consecutiveFailures);
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

    /**
     * Counts the backlog, on the poll and after a failed send. It counts from where the relay reads on, through the
     * primary key: right after a burst the table is hundreds of megabytes of deleted rows not yet vacuumed, and a
     * count of the whole table read them all (with parallel workers, every 5 s, for as long as autovacuum lagged).
     * A row committed behind the relay, into a gap it no longer awaits, is sent by the next poll and not counted.
     */
    private Uni<Void> refreshStatistics() {
        return pool.withTransaction(tx -> IndexPlans.use(tx).chain(() -> tx.preparedQuery("SELECT count(*) AS pending, "
                                + "min(created_at) AS oldest FROM outbox_event WHERE position > $1")
                        .execute(Tuple.of(cursor.floor()))))
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    var oldest = row.getOffsetDateTime("oldest");
                    statistics.recordPending(row.getLong("pending"), oldest == null ? null : oldest.toInstant());
                })
                .replaceWithVoid();
    }

    /** The positions a batch sent and deleted, in order, and whether a send failed. */
    private record BatchResult(List<Long> positions, boolean failed) {
        static final BatchResult NONE = new BatchResult(List.of(), false);
    }
}

package tr.kopru.collection.repository;

import tr.kopru.runtime.db.SqlTimes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.runtime.outbox.Outbox;
import tr.kopru.runtime.outbox.OutboxMessage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static tr.kopru.runtime.db.SqlTimes.offset;

/** Collections and their state history. Every state change checks the state it leaves, so two writers cannot both win. */
@ApplicationScoped
public class CollectionRepository {

    /** A collection started with an Idempotency-Key, and the fingerprint of the request that started it. */
    public record Keyed(Collection collection, String fingerprint) {
    }

    /** What a list of collections is filtered by; null fields do not filter. */
    public record Filter(String institution, CollectionState state, String invoiceNumber, LocalDate collectionDate) {
    }

    /** The states in which a collection holds its invoice: in flight, or collected and not cancelled. */
    private static final String HOLDING_STATES = "('PENDING', 'UNKNOWN', 'COLLECTED')";

    private static final String MOVE = "WITH moved AS (UPDATE collection SET state = $3, upstream_collection_id = $4, "
            + "receipt_serial = $5, receipt_number = $6, collected_at = $7, cancelled_at = $8, result_code = $9, "
            + "result_reason = $10, resolve_attempts = $11, next_resolve_at = $12, updated_at = $13 "
            + "WHERE id = $1 AND state = $2 RETURNING id)";
    private static final String MOVE_HISTORY = "INSERT INTO collection_transition (collection_id, from_state, "
            + "to_state, at, reason) SELECT id, $2, $3, $13, $14 FROM moved";

    private final Pool pool;
    private final Outbox outbox;

    public CollectionRepository(Pool pool, Outbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /**
     * Stores a new collection and the first line of its history, in one statement (so in one transaction), unless
     * its caller used the Idempotency-Key before or its invoice is held (see {@link #holding}); false when it did not.
     * Two requests of the same moment can both pass that check: the unique indexes stop the second one.
     */
    public Uni<Boolean> insertUnlessHeld(Collection c, String idempotencyKey, String fingerprint) {
        return pool.preparedQuery("WITH inserted AS (INSERT INTO collection (" + CollectionRows.COLUMNS
                        + ", idempotency_key, request_fingerprint) SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                        + "$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25 "
                        + "WHERE NOT EXISTS (SELECT 1 FROM collection WHERE requested_by = $20 AND idempotency_key = $24) "
                        + "AND NOT EXISTS (SELECT 1 FROM collection WHERE institution = $2 AND invoice_number = $5 "
                        + "AND state IN " + HOLDING_STATES + ") "
                        + "AND NOT EXISTS (SELECT 1 FROM settled_invoice WHERE institution = $2 AND invoice_number = $5) "
                        + "RETURNING id) "
                        + "INSERT INTO collection_transition (collection_id, from_state, to_state, at, reason) "
                        + "SELECT id, NULL, $10, $22, $26 FROM inserted")
                .execute(Tuple.from(new Object[] {c.id(), c.institution(), c.deskId(), c.transactionNumber(),
                        c.invoiceNumber(), c.declarationId(), c.amount().amount(), c.collectionDate(),
                        c.channel().name(), c.state().name(), c.upstreamCollectionId(), c.receiptSerial(),
                        c.receiptNumber(), offset(c.collectedAt()), offset(c.cancelledAt()), c.resultCode(),
                        c.resultReason(), c.resolveAttempts(), offset(c.nextResolveAt()), c.requestedBy(),
                        c.standingInstructionId(), offset(c.createdAt()), offset(c.updatedAt()), idempotencyKey,
                        fingerprint, "started by " + c.requestedBy()}))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Moves a collection from {@code from} to {@code to.state()} with the other fields of {@code to}, writes its
     * history line and, if there is one, its event: all in one statement, so all or nothing without a transaction.
     * False (and nothing written) when it was no longer in {@code from}: someone else moved it first.
     */
    public Uni<Boolean> move(CollectionState from, Collection to, String reason, OutboxMessage event) {
        Tuple parameters = Tuple.from(new Object[] {to.id(), from.name(), to.state().name(),
                to.upstreamCollectionId(), to.receiptSerial(), to.receiptNumber(), offset(to.collectedAt()),
                offset(to.cancelledAt()), to.resultCode(), to.resultReason(), to.resolveAttempts(),
                offset(to.nextResolveAt()), offset(to.updatedAt()), reason});
        return event == null
                ? pool.preparedQuery(MOVE + " " + MOVE_HISTORY).execute(parameters).map(rows -> rows.rowCount() > 0)
                : outbox.appendWith(pool, MOVE + ", history AS (" + MOVE_HISTORY + ")", "moved", parameters, event);
    }

    /** Records a failed attempt to resolve, and when to try next (null: no more tries, an operator decides). */
    public Uni<Void> resolveLater(UUID id, int attempts, Instant next, Instant now) {
        return pool.preparedQuery("UPDATE collection SET resolve_attempts = $2, next_resolve_at = $3, updated_at = $4 "
                        + "WHERE id = $1")
                .execute(Tuple.of(id, attempts, offset(next), offset(now))).replaceWithVoid();
    }

    /**
     * Takes up to {@code limit} collections whose outcome is open and due to be asked about, leasing them for
     * {@code lease} so that another replica's resolver skips them meanwhile. PENDING ones count only once older
     * than {@code pendingBefore} (their process died while calling FlexCity).
     */
    public Uni<List<Collection>> claimToResolve(Instant now, Instant pendingBefore, Duration lease, int limit) {
        return pool.preparedQuery("UPDATE collection SET next_resolve_at = $2 WHERE id IN (SELECT id FROM collection "
                        + "WHERE ((state = 'UNKNOWN' AND next_resolve_at <= $1) OR (state = 'PENDING' AND created_at < $3 "
                        + "AND (next_resolve_at IS NULL OR next_resolve_at <= $1))) ORDER BY next_resolve_at NULLS FIRST "
                        + "LIMIT $4 FOR UPDATE SKIP LOCKED) RETURNING " + CollectionRows.COLUMNS)
                .execute(Tuple.of(offset(now), offset(now.plus(lease)), offset(pendingBefore), limit))
                .map(CollectionRepository::all);
    }

    public Uni<Optional<Collection>> find(UUID id) {
        return pool.preparedQuery("SELECT " + CollectionRows.COLUMNS + " FROM collection WHERE id = $1")
                .execute(Tuple.of(id)).map(rows -> all(rows).stream().findFirst());
    }

    public Uni<Optional<Keyed>> findByIdempotencyKey(String requestedBy, String key) {
        return pool.preparedQuery("SELECT " + CollectionRows.COLUMNS + ", request_fingerprint FROM collection "
                        + "WHERE requested_by = $1 AND idempotency_key = $2")
                .execute(Tuple.of(requestedBy, key))
                .map(rows -> {
                    for (Row row : rows) {
                        return Optional.of(new Keyed(CollectionRows.collection(row), row.getString("request_fingerprint")));
                    }
                    return Optional.empty();
                });
    }

    /** What stands in the way of collecting an invoice: a collection holding it, or its settlement elsewhere. */
    public record Hold(Optional<Collection> collection, boolean settledElsewhere) {
    }

    /** The collection that holds an invoice (in flight, or collected and not cancelled), and whether it is settled. */
    public Uni<Hold> holding(String institution, String invoiceNumber) {
        return pool.preparedQuery("SELECT " + CollectionRows.COLUMNS + ", EXISTS (SELECT 1 FROM settled_invoice s "
                        + "WHERE s.institution = $1 AND s.invoice_number = $2) AS settled FROM (SELECT 1) AS one "
                        + "LEFT JOIN LATERAL (SELECT * FROM collection WHERE institution = $1 AND invoice_number = $2 "
                        + "AND state IN " + HOLDING_STATES + " ORDER BY created_at DESC LIMIT 1) c ON true")
                .execute(Tuple.of(institution, invoiceNumber))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    Optional<Collection> holder = row.getUUID("id") == null ? Optional.empty()
                            : Optional.of(CollectionRows.collection(row));
                    return new Hold(holder, row.getBoolean("settled"));
                });
    }

    public Uni<List<Collection>> list(Filter filter, int limit, long offset) {
        return pool.preparedQuery("SELECT " + CollectionRows.COLUMNS + " FROM collection WHERE " + WHERE
                        + " ORDER BY created_at DESC, id LIMIT $5 OFFSET $6")
                .execute(filterTuple(filter).addInteger(limit).addLong(offset)).map(CollectionRepository::all);
    }

    public Uni<Long> count(Filter filter) {
        return pool.preparedQuery("SELECT count(*) AS n FROM collection WHERE " + WHERE).execute(filterTuple(filter))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Counts by state, for the summary and metrics. */
    public Uni<java.util.Map<String, Long>> countByState() {
        return pool.query("SELECT state, count(*) AS n FROM collection GROUP BY state").execute().map(rows -> {
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            rows.forEach(row -> counts.put(row.getString("state"), row.getLong("n")));
            return counts;
        });
    }

    public record Transition(CollectionState fromState, CollectionState toState, Instant at, String reason) {
    }

    public Uni<List<Transition>> transitions(UUID id) {
        return pool.preparedQuery("SELECT from_state, to_state, at, reason FROM collection_transition "
                        + "WHERE collection_id = $1 ORDER BY id").execute(Tuple.of(id))
                .map(rows -> {
                    List<Transition> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new Transition(
                            row.getString("from_state") == null ? null : CollectionState.valueOf(row.getString("from_state")),
                            CollectionState.valueOf(row.getString("to_state")),
                            SqlTimes.instant(row.getOffsetDateTime("at")), row.getString("reason"))));
                    return list;
                });
    }

    public Uni<Void> markSettled(String institution, String invoiceNumber, Instant at, String reason) {
        return pool.preparedQuery("INSERT INTO settled_invoice (institution, invoice_number, settled_at, reason) "
                        + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(institution, invoiceNumber, offset(at), reason)).replaceWithVoid();
    }

    private static final String WHERE = "($1::text IS NULL OR institution = $1) AND ($2::text IS NULL OR state = $2) "
            + "AND ($3::text IS NULL OR invoice_number = $3) AND ($4::date IS NULL OR collection_date = $4)";

    private static Tuple filterTuple(Filter filter) {
        return Tuple.of(filter.institution(), filter.state() == null ? null : filter.state().name(),
                filter.invoiceNumber(), filter.collectionDate());
    }

    private static List<Collection> all(RowSet<Row> rows) {
        List<Collection> list = new ArrayList<>();
        rows.forEach(row -> list.add(CollectionRows.collection(row)));
        return list;
    }
}

package tr.kopru.collection.repository;

import tr.kopru.model.event.PaymentChannel;
import tr.kopru.runtime.db.Conditions;
import tr.kopru.runtime.db.Tally;
import tr.kopru.runtime.db.SqlTimes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.runtime.outbox.Outbox;
import tr.kopru.runtime.outbox.OutboxMessage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static tr.kopru.runtime.db.SqlTimes.offset;

/** Collections and their state history. Every state change checks the state it leaves, so two writers cannot both win. */
@ApplicationScoped
public class CollectionRepository {

    /**
     * A collection started with an Idempotency-Key, the fingerprint of the request that started it, and the first
     * answer to it (null while it was not recorded).
     */
    public record Keyed(Collection collection, String fingerprint, Integer answerStatus, String answerBody) {
    }

    /** What a list of collections is filtered by; null fields do not filter. */
    public record Filter(String institution, CollectionState state, String invoiceNumber, LocalDate collectionDate,
                         PaymentChannel channel) {
    }

    /** The states in which a collection holds its invoice: in flight, or collected and not cancelled. */
    private static final String HOLDING_STATES = "('PENDING', 'UNKNOWN', 'COLLECTED', 'CANCELLING', 'CANCEL_UNKNOWN')";
    /** A collection refused before anything was sent is not its Idempotency-Key's result. */
    private static final String KEY_BOUND = "result_code IS DISTINCT FROM 'NOT_SENT'";

    private static final String MOVE = "WITH moved AS (UPDATE collection SET state = $3, upstream_collection_id = $4, "
            + "receipt_serial = $5, receipt_number = $6, collected_at = $7, cancelled_at = $8, result_code = $9, "
            + "result_reason = $10, resolve_attempts = $11, next_resolve_at = $12, updated_at = $13, "
            + "needs_operator = $15, not_found_answers = $16 WHERE id = $1 AND state = $2 RETURNING id)";
    private static final String MOVE_HISTORY = "INSERT INTO collection_transition (collection_id, from_state, "
            + "to_state, at, reason, actor) SELECT id, $2, $3, $13, $14, $17 FROM moved";

    /** Collections counted by institution, state and day, kept by the database (V4 migration). */
    @Produces
    static final Tally TALLY = new Tally("collection_tally", List.of("institution", "state", "collection_date"),
            "collections");

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
                        + "$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27 "
                        + "WHERE NOT EXISTS (SELECT 1 FROM collection WHERE requested_by = $22 AND idempotency_key = $26 "
                        + "AND " + KEY_BOUND + ") "
                        + "AND NOT EXISTS (SELECT 1 FROM collection WHERE institution = $2 AND invoice_number = $5 "
                        + "AND state IN " + HOLDING_STATES + ") "
                        + "AND NOT EXISTS (SELECT 1 FROM settled_invoice WHERE institution = $2 AND invoice_number = $5) "
                        + "RETURNING id) "
                        + "INSERT INTO collection_transition (collection_id, from_state, to_state, at, reason, actor) "
                        + "SELECT id, NULL, $10, $24, $28, $22 FROM inserted")
                .execute(Tuple.from(new Object[] {c.id(), c.institution(), c.deskId(), c.transactionNumber(),
                        c.invoiceNumber(), c.declarationId(), c.amount().amount(), c.collectionDate(),
                        c.channel().name(), c.state().name(), c.upstreamCollectionId(), c.receiptSerial(),
                        c.receiptNumber(), offset(c.collectedAt()), offset(c.cancelledAt()), c.resultCode(),
                        c.resultReason(), c.resolveAttempts(), c.notFoundAnswers(), offset(c.nextResolveAt()),
                        c.needsOperator(), c.requestedBy(), c.standingInstructionId(), offset(c.createdAt()),
                        offset(c.updatedAt()), idempotencyKey, fingerprint, "started"}))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Moves a collection from {@code from} to {@code to.state()} with the other fields of {@code to}, writes its
     * history line and, if there is one, its event: all in one statement, so all or nothing without a transaction.
     * False (and nothing written) when it was no longer in {@code from}: someone else moved it first.
     */
    public Uni<Boolean> move(CollectionState from, Collection to, String reason, String actor, OutboxMessage event) {
        Tuple parameters = Tuple.from(new Object[] {to.id(), from.name(), to.state().name(),
                to.upstreamCollectionId(), to.receiptSerial(), to.receiptNumber(), offset(to.collectedAt()),
                offset(to.cancelledAt()), to.resultCode(), to.resultReason(), to.resolveAttempts(),
                offset(to.nextResolveAt()), offset(to.updatedAt()), reason, to.needsOperator(), to.notFoundAnswers(),
                actor});
        return event == null
                ? pool.preparedQuery(MOVE + " " + MOVE_HISTORY).execute(parameters).map(rows -> rows.rowCount() > 0)
                : outbox.appendWith(pool, MOVE + ", history AS (" + MOVE_HISTORY + ")", "moved", parameters, event);
    }

    /**
     * Records a question about an open outcome that did not settle it: the unanswered ones, FlexCity's "not found"
     * answers, when to ask next (null: no more questions) and whether an operator must decide.
     */
    public Uni<Void> askLater(UUID id, CollectionState state, int unanswered, int notFound, Instant next,
                              boolean needsOperator, Instant now) {
        return pool.preparedQuery("UPDATE collection SET resolve_attempts = $3, not_found_answers = $4, "
                        + "next_resolve_at = $5, needs_operator = $6, updated_at = $7 WHERE id = $1 AND state = $2")
                .execute(Tuple.from(new Object[] {id, state.name(), unanswered, notFound, offset(next), needsOperator,
                        offset(now)}))
                .replaceWithVoid();
    }

    /** Records the first answer to a request with an Idempotency-Key, to replay it to a retry. */
    public Uni<Void> recordAnswer(UUID id, int status, String body) {
        return pool.preparedQuery("UPDATE collection SET answer_status = $2, answer_body = $3 WHERE id = $1 "
                        + "AND answer_status IS NULL")
                .execute(Tuple.of(id, status, body)).replaceWithVoid();
    }

    /**
     * Takes up to {@code limit} collections whose outcome is open and due to be asked about, leasing them for
     * {@code lease} so that another replica's resolver skips them meanwhile. PENDING ones count only once older
     * than {@code pendingBefore} (their process died while calling FlexCity).
     */
    public Uni<List<Collection>> claimToResolve(Instant now, Instant pendingBefore, Duration lease, int limit) {
        return pool.preparedQuery("UPDATE collection SET next_resolve_at = $2 WHERE id IN (SELECT id FROM collection "
                        + "WHERE ((state IN ('UNKNOWN', 'CANCEL_UNKNOWN') AND next_resolve_at <= $1) "
                        + "OR (state IN ('PENDING', 'CANCELLING') AND updated_at < $3 "
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
        return pool.preparedQuery("SELECT " + CollectionRows.COLUMNS + ", request_fingerprint, answer_status, "
                        + "answer_body FROM collection WHERE requested_by = $1 AND idempotency_key = $2 AND " + KEY_BOUND)
                .execute(Tuple.of(requestedBy, key))
                .map(rows -> {
                    for (Row row : rows) {
                        return Optional.of(new Keyed(CollectionRows.collection(row), row.getString("request_fingerprint"),
                                row.getInteger("answer_status"), row.getString("answer_body")));
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
        Conditions conditions = conditions(filter);
        return pool.preparedQuery("SELECT " + CollectionRows.COLUMNS + " FROM collection" + conditions.where()
                        + " ORDER BY created_at DESC, id LIMIT " + conditions.after(1) + " OFFSET " + conditions.after(2))
                .execute(conditions.tuple(limit, offset)).map(CollectionRepository::all);
    }

    /**
     * How many collections the filter matches, exact; without an invoice number or channel from the maintained tally
     * (V4 migration) rather than by counting the collections.
     */
    public Uni<Long> count(Filter filter) {
        if (filter.invoiceNumber() == null && filter.channel() == null) {
            Conditions conditions = conditions(filter);
            return pool.preparedQuery("SELECT coalesce(sum(collections), 0) AS n FROM collection_tally"
                            + conditions.where())
                    .execute(conditions.tuple()).map(rows -> rows.iterator().next().getLong("n"));
        }
        Conditions conditions = conditions(filter);
        return pool.preparedQuery("SELECT count(*) AS n FROM collection" + conditions.where())
                .execute(conditions.tuple()).map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Of an invoice: the auto-pay attempts sent for it so far, and whether a collection or a settlement holds it. */
    public record AutoPayState(int attempts, boolean held) {
    }

    /** The {@link AutoPayState} of each of {@code invoices}. */
    public Uni<Map<String, AutoPayState>> autoPayState(String institution, List<String> invoices) {
        return pool.preparedQuery("SELECT u.invoice_number, count(c.id) FILTER (WHERE c.standing_instruction_id IS "
                        + "NOT NULL AND c." + KEY_BOUND + ") AS attempts, coalesce(bool_or(c.state IN " + HOLDING_STATES
                        + "), false) OR EXISTS (SELECT 1 FROM settled_invoice s WHERE s.institution = $1 "
                        + "AND s.invoice_number = u.invoice_number) AS held FROM unnest($2::text[]) AS u(invoice_number) "
                        + "LEFT JOIN collection c ON c.institution = $1 AND c.invoice_number = u.invoice_number "
                        + "GROUP BY u.invoice_number")
                .execute(Tuple.of(institution, invoices.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, AutoPayState> states = new HashMap<>();
                    rows.forEach(row -> states.put(row.getString("invoice_number"),
                            new AutoPayState(row.getLong("attempts").intValue(), row.getBoolean("held"))));
                    return states;
                });
    }

    /** The collections a standing instruction started, newest first: its auto-pay attempts. */
    public Uni<List<Collection>> ofInstruction(UUID instructionId, int limit, long offset) {
        return pool.preparedQuery("SELECT " + CollectionRows.COLUMNS + " FROM collection WHERE standing_instruction_id "
                        + "= $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3")
                .execute(Tuple.of(instructionId, limit, offset)).map(CollectionRepository::all);
    }

    public Uni<Long> countOfInstruction(UUID instructionId) {
        return pool.preparedQuery("SELECT count(*) FROM collection WHERE standing_instruction_id = $1")
                .execute(Tuple.of(instructionId)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** What needs a person: open outcomes (UNKNOWN, CANCEL_UNKNOWN) and those marked for an operator, oldest first. */
    public Uni<List<Collection>> needingAttention(int limit, long offset) {
        return pool.preparedQuery("SELECT " + CollectionRows.COLUMNS + " FROM collection WHERE " + ATTENTION
                        + " ORDER BY created_at, id LIMIT $1 OFFSET $2")
                .execute(Tuple.of(limit, offset)).map(CollectionRepository::all);
    }

    public Uni<Long> countNeedingAttention() {
        return pool.query("SELECT count(*) FROM collection WHERE " + ATTENTION).execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Per state: how many collections, and when the oldest of them was created; for the metrics. */
    public record StateStatistics(long count, Instant oldestCreatedAt) {
    }

    /** The collections whose outcome is open (any day), by state: read through the resolver's partial index. */
    public Uni<Map<CollectionState, StateStatistics>> openStatistics() {
        return statistics("SELECT state, count(*) AS n, min(created_at) AS oldest FROM collection WHERE state IN "
                + "('PENDING', 'UNKNOWN', 'CANCELLING', 'CANCEL_UNKNOWN') GROUP BY state", Tuple.tuple());
    }

    /** The collections started since {@code since}, by state: read through the index on their start. */
    public Uni<Map<CollectionState, StateStatistics>> statisticsSince(Instant since) {
        return statistics("SELECT state, count(*) AS n, min(created_at) AS oldest FROM collection WHERE created_at >= $1 "
                + "GROUP BY state", Tuple.of(offset(since)));
    }

    private Uni<Map<CollectionState, StateStatistics>> statistics(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            Map<CollectionState, StateStatistics> byState = new EnumMap<>(CollectionState.class);
            rows.forEach(row -> byState.put(CollectionState.valueOf(row.getString("state")),
                    new StateStatistics(row.getLong("n"), SqlTimes.instant(row.getOffsetDateTime("oldest")))));
            return byState;
        });
    }

    public Uni<Long> countNeedsOperator() {
        return pool.query("SELECT count(*) FROM collection WHERE needs_operator").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Counts by state, for the summary and metrics, from the maintained tally. */
    public Uni<Map<String, Long>> countByState() {
        return pool.query("SELECT state, sum(collections) AS n FROM collection_tally GROUP BY state "
                + "HAVING sum(collections) <> 0").execute().map(rows -> {
            Map<String, Long> counts = new TreeMap<>();
            rows.forEach(row -> counts.put(row.getString("state"), row.getLong("n")));
            return counts;
        });
    }

    /** One line of a collection's history; {@code actor} is who acted (null: the service itself). */
    public record Transition(CollectionState fromState, CollectionState toState, Instant at, String reason,
                             String actor) {
    }

    public Uni<List<Transition>> transitions(UUID id) {
        return pool.preparedQuery("SELECT from_state, to_state, at, reason, actor FROM collection_transition "
                        + "WHERE collection_id = $1 ORDER BY id").execute(Tuple.of(id))
                .map(rows -> {
                    List<Transition> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new Transition(
                            row.getString("from_state") == null ? null : CollectionState.valueOf(row.getString("from_state")),
                            CollectionState.valueOf(row.getString("to_state")),
                            SqlTimes.instant(row.getOffsetDateTime("at")), row.getString("reason"),
                            row.getString("actor"))));
                    return list;
                });
    }

    public Uni<Void> markSettled(String institution, String invoiceNumber, Instant at, String reason) {
        return pool.preparedQuery("INSERT INTO settled_invoice (institution, invoice_number, settled_at, reason) "
                        + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(institution, invoiceNumber, offset(at), reason)).replaceWithVoid();
    }

    private static final String ATTENTION = "(needs_operator OR state IN ('UNKNOWN', 'CANCEL_UNKNOWN'))";

    private static Conditions conditions(Filter filter) {
        return new Conditions().and("institution = ?", filter.institution())
                .and("state = ?", filter.state() == null ? null : filter.state().name())
                .and("invoice_number = ?", filter.invoiceNumber())
                .and("collection_date = ?", filter.collectionDate())
                .and("channel = ?", filter.channel() == null ? null : filter.channel().name());
    }

    private static List<Collection> all(RowSet<Row> rows) {
        List<Collection> list = new ArrayList<>();
        rows.forEach(row -> list.add(CollectionRows.collection(row)));
        return list;
    }
}

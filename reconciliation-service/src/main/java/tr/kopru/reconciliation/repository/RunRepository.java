package tr.kopru.reconciliation.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.model.Money;
import tr.kopru.reconciliation.domain.Discrepancy;
import tr.kopru.reconciliation.domain.DiscrepancyCategory;
import tr.kopru.reconciliation.domain.ReconciliationRun;
import tr.kopru.reconciliation.domain.RunResult;
import tr.kopru.reconciliation.domain.Totals;
import tr.kopru.runtime.db.Conditions;
import tr.kopru.runtime.db.SqlTimes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stored reconciliation runs (versioned per desk and day), their discrepancies, and which days are stale. */
@ApplicationScoped
public class RunRepository {

    private static final String COLUMNS = "id, institution, desk_id, day, version, trigger, result, started_at, "
            + "finished_at, our_collected_amount, our_collected_count, our_cancelled_amount, our_cancelled_count, "
            + "their_collected_amount, their_collected_count, their_cancelled_amount, their_cancelled_count, "
            + "receipts_compared, discrepancy_count";

    /** A desk and day whose reconciliation is out of date. */
    public record DeskDay(String institution, long deskId, LocalDate day) {
    }

    /** The columns {@link #discrepancy(Row)} reads. */
    static final String DISCREPANCY_COLUMNS = "category, transaction_number, upstream_collection_id, invoice_number, "
            + "our_amount, their_amount, our_status, their_status, detail";

    private final Pool pool;

    public RunRepository(Pool pool) {
        this.pool = pool;
    }

    /** The advisory lock of a desk-day, over columns (or unnest aliases) named institution, desk_id and day. */
    static final String DESK_DAY_LOCK = "hashtextextended(u.institution || ':' || u.desk_id || ':' || u.day, 0)";

    /**
     * Marks a desk-day as being reconciled, before the run reads anything, once the ledger writes in flight for it
     * have committed: an event written afterwards marks the day stale, even on its first run. Answers the database's
     * time of the mark, for {@link #save}.
     */
    public Uni<Instant> begin(String institution, long deskId, LocalDate day) {
        Tuple deskDay = Tuple.of(institution, deskId, day);
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT count(pg_advisory_xact_lock(" + DESK_DAY_LOCK
                        + ")) FROM (SELECT $1::text AS institution, $2::bigint AS desk_id, $3::date AS day) u")
                .execute(deskDay)
                .chain(() -> tx.preparedQuery("WITH marked AS (INSERT INTO reconciled_day (institution, desk_id, day, "
                                + "stale) VALUES ($1, $2, $3, false) ON CONFLICT DO NOTHING) "
                                + "SELECT clock_timestamp() AS marked_at")
                        .execute(deskDay))
                .map(rows -> SqlTimes.instant(rows.iterator().next().getOffsetDateTime("marked_at"))));
    }

    /**
     * Stores a run as the next version of its desk and day, with its discrepancies, and marks the day reconciled;
     * the day stays stale if an event marked it after {@code begun} (see {@link #begin}). Answers the stored run.
     */
    public Uni<ReconciliationRun> save(ReconciliationRun run, Instant begun) {
        Totals ours = run.ours();
        Totals theirs = run.theirs();
        return pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO reconciliation_run (institution, desk_id, day, "
                                + "version, trigger, result, started_at, finished_at, our_collected_amount, "
                                + "our_collected_count, our_cancelled_amount, our_cancelled_count, their_collected_amount, "
                                + "their_collected_count, their_cancelled_amount, their_cancelled_count, receipts_compared, "
                                + "discrepancy_count) SELECT $1, $2, $3, coalesce(max(version), 0) + 1, $4, $5, $6, $7, "
                                + "$8, $9, $10, $11, $12, $13, $14, $15, $16, $17 FROM reconciliation_run "
                                + "WHERE institution = $1 AND desk_id = $2 AND day = $3 RETURNING id, version")
                        .execute(Tuple.from(new Object[] {run.institution(), run.deskId(), run.day(), run.trigger(),
                                run.result().name(), SqlTimes.offset(run.startedAt()),
                                SqlTimes.offset(run.finishedAt()), ours.collectedAmount().amount(),
                                ours.collectedCount(), ours.cancelledAmount().amount(), ours.cancelledCount(),
                                theirs.collectedAmount().amount(), theirs.collectedCount(),
                                theirs.cancelledAmount().amount(), theirs.cancelledCount(), run.receiptsCompared(),
                                run.discrepancyCount()}))
                        .chain(rows -> {
                            Row row = rows.iterator().next();
                            long id = row.getLong("id");
                            ReconciliationRun saved = new ReconciliationRun(id, run.institution(), run.deskId(),
                                    run.day(), row.getInteger("version"), run.trigger(), run.result(), run.startedAt(),
                                    run.finishedAt(), ours, theirs, run.receiptsCompared(), run.discrepancyCount(),
                                    run.discrepancies());
                            return insertDiscrepancies(tx, id, run.discrepancies())
                                    .chain(() -> tx.preparedQuery("INSERT INTO reconciled_day (institution, desk_id, day, "
                                                    + "last_run_id, stale) VALUES ($1, $2, $3, $4, false) "
                                                    + "ON CONFLICT (institution, desk_id, day) DO UPDATE SET "
                                                    + "last_run_id = EXCLUDED.last_run_id, "
                                                    + "stale = reconciled_day.stale AND reconciled_day.stale_since > $5, "
                                                    + "stale_since = CASE WHEN reconciled_day.stale_since > $5 "
                                                    + "THEN reconciled_day.stale_since END")
                                            .execute(Tuple.of(run.institution(), run.deskId(), run.day(), id,
                                                    SqlTimes.offset(begun))))
                                    .replaceWith(saved);
                        }));
    }

    private static Uni<Void> insertDiscrepancies(SqlClient tx, long runId,
                                                 List<Discrepancy> discrepancies) {
        if (discrepancies.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("INSERT INTO discrepancy (run_id, category, transaction_number, upstream_collection_id, "
                        + "invoice_number, our_amount, their_amount, our_status, their_status, detail) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .executeBatch(discrepancies.stream().map(d -> Tuple.from(new Object[] {runId, d.category().name(),
                        d.transactionNumber(), d.upstreamCollectionId(), d.invoiceNumber(), amount(d.ourAmount()),
                        amount(d.theirAmount()), d.ourStatus(), d.theirStatus(), d.detail()})).toList())
                .replaceWithVoid();
    }

    /** Where a desk stands: its latest reconciled day's latest run, and whether that day went stale since. */
    public record DeskState(String institution, long deskId, LocalDate day, RunResult result, int discrepancies,
                            boolean stale) {
    }

    public Uni<List<DeskState>> deskStates() {
        return pool.query("""
                        SELECT DISTINCT ON (r.institution, r.desk_id) r.institution, r.desk_id, r.day, r.result,
                               r.discrepancy_count, coalesce(d.stale, false) AS stale
                        FROM reconciliation_run r
                        LEFT JOIN reconciled_day d
                               ON d.institution = r.institution AND d.desk_id = r.desk_id AND d.day = r.day
                        ORDER BY r.institution, r.desk_id, r.day DESC, r.version DESC""")
                .execute()
                .map(rows -> {
                    List<DeskState> states = new ArrayList<>();
                    rows.forEach(r -> states.add(new DeskState(r.getString("institution"), r.getLong("desk_id"),
                            r.getLocalDate("day"), RunResult.valueOf(r.getString("result")),
                            r.getInteger("discrepancy_count"), r.getBoolean("stale"))));
                    return states;
                });
    }

    public Uni<List<DeskDay>> staleDays(int limit) {
        return pool.preparedQuery("SELECT institution, desk_id, day FROM reconciled_day WHERE stale "
                        + "ORDER BY stale_since LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<DeskDay> days = new ArrayList<>();
                    rows.forEach(r -> days.add(new DeskDay(r.getString(0), r.getLong(1), r.getLocalDate(2))));
                    return days;
                });
    }

    public Uni<Optional<ReconciliationRun>> find(long id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM reconciliation_run WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> all(rows).stream().findFirst())
                .chain(run -> run.isEmpty() ? Uni.createFrom().item(run)
                        : discrepancies(id).map(list -> Optional.of(withDiscrepancies(run.get(), list))));
    }

    public Uni<List<Discrepancy>> discrepancies(long runId) {
        return pool.preparedQuery("SELECT " + DISCREPANCY_COLUMNS + " FROM discrepancy WHERE run_id = $1 ORDER BY id")
                .execute(Tuple.of(runId))
                .map(rows -> {
                    List<Discrepancy> list = new ArrayList<>();
                    rows.forEach(r -> list.add(discrepancy(r)));
                    return list;
                });
    }

    /** A discrepancy row as read by {@link #DISCREPANCY_COLUMNS}. */
    static Discrepancy discrepancy(Row r) {
        return new Discrepancy(DiscrepancyCategory.valueOf(r.getString("category")),
                r.getString("transaction_number"), r.getLong("upstream_collection_id"),
                r.getString("invoice_number"), money(r.getBigDecimal("our_amount")),
                money(r.getBigDecimal("their_amount")), r.getString("our_status"),
                r.getString("their_status"), r.getString("detail"));
    }

    /** What a list of runs is filtered by; null fields do not filter. */
    public record Filter(String institution, Long deskId, LocalDate from, LocalDate to) {
    }

    public Uni<List<ReconciliationRun>> list(Filter filter, int limit, long offset) {
        Conditions conditions = conditions(filter);
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM reconciliation_run" + conditions.where()
                        + " ORDER BY day DESC, institution, desk_id, version DESC LIMIT " + conditions.after(1)
                        + " OFFSET " + conditions.after(2))
                .execute(conditions.tuple(limit, offset)).map(RunRepository::all);
    }

    public Uni<Long> count(Filter filter) {
        Conditions conditions = conditions(filter);
        return pool.preparedQuery("SELECT count(*) FROM reconciliation_run" + conditions.where())
                .execute(conditions.tuple()).map(rows -> rows.iterator().next().getLong(0));
    }

    /** The latest run of each desk and day in [from, to], by institution and desk, newest day first; one page. */
    public Uni<List<ReconciliationRun>> latestPerDeskAndDay(LocalDate from, LocalDate to, int limit, long offset) {
        return pool.preparedQuery("SELECT DISTINCT ON (institution, desk_id, day) " + COLUMNS + " FROM reconciliation_run "
                        + "WHERE day BETWEEN $1 AND $2 ORDER BY institution, desk_id, day DESC, version DESC "
                        + "LIMIT $3 OFFSET $4")
                .execute(Tuple.of(from, to, limit, offset)).map(RunRepository::all);
    }

    /** Whether the desk-day has a (non-dry) run. */
    public Uni<Boolean> hasRun(String institution, long deskId, LocalDate day) {
        return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM reconciliation_run WHERE institution = $1 "
                        + "AND desk_id = $2 AND day = $3)")
                .execute(Tuple.of(institution, deskId, day)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** How many desk-days in [from, to] have a run. */
    public Uni<Long> countDesksAndDays(LocalDate from, LocalDate to) {
        return pool.preparedQuery("SELECT count(DISTINCT (institution, desk_id, day)) FROM reconciliation_run "
                        + "WHERE day BETWEEN $1 AND $2")
                .execute(Tuple.of(from, to)).map(rows -> rows.iterator().next().getLong(0));
    }

    private static Conditions conditions(Filter f) {
        return new Conditions().and("institution = ?", f.institution()).and("desk_id = ?", f.deskId())
                .and("day >= ?", f.from()).and("day <= ?", f.to());
    }

    private static ReconciliationRun withDiscrepancies(ReconciliationRun r, List<Discrepancy> list) {
        return new ReconciliationRun(r.id(), r.institution(), r.deskId(), r.day(), r.version(), r.trigger(), r.result(),
                r.startedAt(), r.finishedAt(), r.ours(), r.theirs(), r.receiptsCompared(), r.discrepancyCount(), list);
    }

    private static List<ReconciliationRun> all(RowSet<Row> rows) {
        List<ReconciliationRun> list = new ArrayList<>();
        rows.forEach(r -> list.add(new ReconciliationRun(r.getLong("id"), r.getString("institution"),
                r.getLong("desk_id"), r.getLocalDate("day"), r.getInteger("version"), r.getString("trigger"),
                RunResult.valueOf(r.getString("result")), SqlTimes.instant(r.getOffsetDateTime("started_at")),
                SqlTimes.instant(r.getOffsetDateTime("finished_at")),
                new Totals(Money.of(r.getBigDecimal("our_collected_amount")), r.getLong("our_collected_count"),
                        Money.of(r.getBigDecimal("our_cancelled_amount")), r.getLong("our_cancelled_count")),
                new Totals(money(r.getBigDecimal("their_collected_amount")), zero(r.getLong("their_collected_count")),
                        money(r.getBigDecimal("their_cancelled_amount")), zero(r.getLong("their_cancelled_count"))),
                r.getBoolean("receipts_compared"), r.getInteger("discrepancy_count"), null)));
        return list;
    }

    private static Money money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount);
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    private static long zero(Long value) {
        return value == null ? 0 : value;
    }
}

package tr.kopru.installation.repository;

import tr.kopru.runtime.db.SqlTimes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.installation.domain.PageOutcome;
import tr.kopru.installation.domain.SyncRun;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sync runs: created when a sync starts, counted up page by page, closed when it ends. */
@ApplicationScoped
public class SyncRunRepository {

    private final Pool pool;

    public SyncRunRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<SyncRun> start(String account, String trigger, Instant now) {
        return pool.preparedQuery("INSERT INTO sync_run (utts_account, trigger, status, started_at) "
                        + "VALUES ($1, $2, $3, $4) RETURNING *")
                .execute(Tuple.of(account, trigger, SyncRun.RUNNING, SqlTimes.offset(now)))
                .map(rows -> run(rows.iterator().next()));
    }

    /** Adds a page's outcome, in the page's own transaction, so that progress shows while the run goes on. */
    public Uni<Void> countPage(SqlClient tx, long runId, PageOutcome outcome, int totalPages) {
        return tx.preparedQuery("UPDATE sync_run SET pages = pages + 1, total_pages = $2, "
                        + "records_seen = records_seen + $3, new_records = new_records + $4, changed = changed + $5, "
                        + "unchanged = unchanged + $6, rejected = rejected + $7 WHERE id = $1")
                .execute(Tuple.from(new Object[] {runId, totalPages, outcome.seen(), outcome.newRecords(),
                        outcome.changed(), outcome.unchanged(), outcome.rejected()}))
                .replaceWithVoid();
    }

    /** Notes that the run reads the listing again, in pass {@code pass}. */
    public Uni<Void> startPass(long runId, int pass) {
        return pool.preparedQuery("UPDATE sync_run SET passes = $2 WHERE id = $1").execute(Tuple.of(runId, pass))
                .replaceWithVoid();
    }

    public Uni<SyncRun> finish(long runId, String status, String error, Instant now) {
        return pool.preparedQuery("UPDATE sync_run SET status = $2, error = $3, finished_at = $4 WHERE id = $1 "
                        + "RETURNING *")
                .execute(Tuple.of(runId, status, error, SqlTimes.offset(now)))
                .map(rows -> run(rows.iterator().next()));
    }

    public Uni<Optional<SyncRun>> find(long id) {
        return pool.preparedQuery("SELECT * FROM sync_run WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(run(rows.iterator().next())));
    }

    /** Newest first, optionally for one account. */
    public Uni<List<SyncRun>> list(String account, int limit, long offset) {
        return pool.preparedQuery("SELECT * FROM sync_run WHERE ($1::text IS NULL OR utts_account = $1) "
                        + "ORDER BY id DESC LIMIT $2 OFFSET $3")
                .execute(Tuple.of(account, limit, offset))
                .map(rows -> {
                    List<SyncRun> runs = new ArrayList<>();
                    rows.forEach(row -> runs.add(run(row)));
                    return runs;
                });
    }

    public Uni<Long> count(String account) {
        return pool.preparedQuery("SELECT count(*) FROM sync_run WHERE ($1::text IS NULL OR utts_account = $1)")
                .execute(Tuple.of(account)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** When each account's latest successful sync finished. */
    public Uni<Map<String, Instant>> lastSuccesses() {
        return pool.preparedQuery("SELECT utts_account, max(finished_at) AS finished_at FROM sync_run "
                        + "WHERE status = $1 GROUP BY utts_account")
                .execute(Tuple.of(SyncRun.SUCCEEDED))
                .map(rows -> {
                    Map<String, Instant> last = new HashMap<>();
                    rows.forEach(row -> last.put(row.getString("utts_account"),
                            SqlTimes.instant(row.getOffsetDateTime("finished_at"))));
                    return last;
                });
    }

    /**
     * Closes the account's runs left RUNNING by a process that died. Call it holding the account's sync lock: then
     * no other process can be running them.
     */
    public Uni<Integer> failAbandoned(String account, Instant now) {
        return pool.preparedQuery("UPDATE sync_run SET status = $1, finished_at = $2, "
                        + "error = 'abandoned: the service stopped during the run' "
                        + "WHERE status = $3 AND utts_account = $4")
                .execute(Tuple.of(SyncRun.FAILED, SqlTimes.offset(now), SyncRun.RUNNING, account))
                .map(rows -> rows.rowCount());
    }

    private static SyncRun run(Row row) {
        return new SyncRun(row.getLong("id"), row.getString("utts_account"), row.getString("trigger"),
                row.getString("status"), SqlTimes.instant(row.getOffsetDateTime("started_at")),
                SqlTimes.instant(row.getOffsetDateTime("finished_at")),
                row.getInteger("pages"), row.getInteger("passes"), row.getInteger("total_pages"), row.getLong("records_seen"),
                row.getLong("new_records"), row.getLong("changed"), row.getLong("unchanged"),
                row.getLong("rejected"), row.getString("error"));
    }
}

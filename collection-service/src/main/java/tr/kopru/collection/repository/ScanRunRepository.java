package tr.kopru.collection.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.collection.domain.ScanRun;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static tr.kopru.runtime.db.SqlTimes.instant;
import static tr.kopru.runtime.db.SqlTimes.offset;

/** Scan runs and their counters, moved on batch by batch in the batch's own transaction. */
@ApplicationScoped
public class ScanRunRepository {

    private static final String COLUMNS = "id, trigger, status, started_at, finished_at, instructions_total, "
            + "instructions_scanned, invoices_seen, debts_found, collections_started, collections_failed, "
            + "failed_batches, error";

    private final Pool pool;

    public ScanRunRepository(Pool pool) {
        this.pool = pool;
    }

    /** Marks runs left RUNNING by a process that died as FAILED, then starts a new one. */
    public Uni<ScanRun> start(String trigger, long total, Instant now) {
        return pool.preparedQuery("UPDATE scan_run SET status = 'FAILED', finished_at = $1, error = 'abandoned: the "
                        + "process running it stopped' WHERE status = 'RUNNING'").execute(Tuple.of(offset(now)))
                .chain(() -> pool.preparedQuery("INSERT INTO scan_run (trigger, status, started_at, instructions_total) "
                                + "VALUES ($1, 'RUNNING', $2, $3) RETURNING " + COLUMNS)
                        .execute(Tuple.of(trigger, offset(now), total)))
                .map(rows -> all(rows).get(0));
    }

    public Uni<Void> countBatch(SqlClient tx, long id, long scanned, long seen, long found) {
        return tx.preparedQuery("UPDATE scan_run SET instructions_scanned = instructions_scanned + $2, "
                        + "invoices_seen = invoices_seen + $3, debts_found = debts_found + $4 WHERE id = $1")
                .execute(Tuple.of(id, scanned, seen, found)).replaceWithVoid();
    }

    public Uni<Void> countCollections(long id, long started, long failed) {
        return pool.preparedQuery("UPDATE scan_run SET collections_started = collections_started + $2, "
                        + "collections_failed = collections_failed + $3 WHERE id = $1")
                .execute(Tuple.of(id, started, failed)).replaceWithVoid();
    }

    public Uni<Void> countFailedBatch(long id) {
        return pool.preparedQuery("UPDATE scan_run SET failed_batches = failed_batches + 1 WHERE id = $1")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    public Uni<ScanRun> finish(long id, String status, String error, Instant now) {
        return pool.preparedQuery("UPDATE scan_run SET status = $2, error = $3, finished_at = $4 WHERE id = $1 "
                        + "RETURNING " + COLUMNS)
                .execute(Tuple.of(id, status, error, offset(now))).map(rows -> all(rows).get(0));
    }

    public Uni<Optional<ScanRun>> find(long id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM scan_run WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> all(rows).stream().findFirst());
    }

    public Uni<List<ScanRun>> list(int limit, long offset) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM scan_run ORDER BY id DESC LIMIT $1 OFFSET $2")
                .execute(Tuple.of(limit, offset)).map(ScanRunRepository::all);
    }

    public Uni<Long> count() {
        return pool.query("SELECT count(*) FROM scan_run").execute().map(rows -> rows.iterator().next().getLong(0));
    }

    private static List<ScanRun> all(RowSet<Row> rows) {
        List<ScanRun> list = new ArrayList<>();
        rows.forEach(row -> list.add(new ScanRun(row.getLong("id"), row.getString("trigger"), row.getString("status"),
                instant(row.getOffsetDateTime("started_at")), instant(row.getOffsetDateTime("finished_at")),
                row.getLong("instructions_total"), row.getLong("instructions_scanned"), row.getLong("invoices_seen"),
                row.getLong("debts_found"), row.getLong("collections_started"), row.getLong("collections_failed"),
                row.getLong("failed_batches"), row.getString("error"))));
        return list;
    }
}

package tr.kopru.reconciliation.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.reconciliation.domain.DiscrepancyHandling;
import tr.kopru.reconciliation.domain.DiscrepancyHandling.Status;
import tr.kopru.reconciliation.domain.HandledDiscrepancy;
import tr.kopru.runtime.db.SqlTimes;
import tr.kopru.runtime.rest.ApiException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A run's stored discrepancies with what operators did about each, and their acknowledging and resolving. */
@ApplicationScoped
public class DiscrepancyRepository {

    private static final String SELECT = "SELECT d.id, " + prefixed() + ", h.status, h.note, h.actor, h.at "
            + "FROM discrepancy d LEFT JOIN LATERAL (SELECT status, note, actor, at FROM discrepancy_handling "
            + "WHERE discrepancy_id = d.id ORDER BY id DESC LIMIT 1) h ON true ";

    private final Pool pool;

    public DiscrepancyRepository(Pool pool) {
        this.pool = pool;
    }

    /** One page of a run's discrepancies, in the order the run found them. */
    public Uni<List<HandledDiscrepancy>> ofRun(long runId, int limit, long offset) {
        return pool.preparedQuery(SELECT + "WHERE d.run_id = $1 ORDER BY d.id LIMIT $2 OFFSET $3")
                .execute(Tuple.of(runId, limit, offset)).map(DiscrepancyRepository::all);
    }

    public Uni<Long> countOfRun(long runId) {
        return pool.preparedQuery("SELECT count(*) FROM discrepancy WHERE run_id = $1").execute(Tuple.of(runId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Records that {@code actor} acknowledged or resolved a discrepancy of a run, and why. 404 when the run has no
     * such discrepancy; 409 when it is resolved already, or already in the state asked for.
     */
    public Uni<HandledDiscrepancy> handle(long runId, long discrepancyId, Status status, String note, String actor,
                                          Instant at) {
        return pool.withTransaction(tx -> lockedState(tx, runId, discrepancyId).chain(current -> {
            if (current != null && current.handling() != null) {
                Status was = current.handling().status();
                if (was == Status.RESOLVED || was == status) {
                    throw ApiException.conflict("Discrepancy " + discrepancyId + " is " + was + " already, by "
                            + current.handling().actor() + " at " + current.handling().at());
                }
            }
            return tx.preparedQuery("INSERT INTO discrepancy_handling (discrepancy_id, status, note, actor, at) "
                            + "VALUES ($1, $2, $3, $4, $5)")
                    .execute(Tuple.of(discrepancyId, status.name(), note, actor, SqlTimes.offset(at)))
                    .chain(() -> lockedState(tx, runId, discrepancyId));
        }));
    }

    private static Uni<HandledDiscrepancy> lockedState(SqlClient tx, long runId, long discrepancyId) {
        return tx.preparedQuery("SELECT 1 FROM discrepancy WHERE id = $1 AND run_id = $2 FOR UPDATE")
                .execute(Tuple.of(discrepancyId, runId))
                .chain(locked -> {
                    if (locked.size() == 0) {
                        throw ApiException.notFound("Reconciliation run " + runId + " has no discrepancy "
                                + discrepancyId);
                    }
                    return tx.preparedQuery(SELECT + "WHERE d.id = $1").execute(Tuple.of(discrepancyId));
                })
                .map(rows -> all(rows).get(0));
    }

    private static List<HandledDiscrepancy> all(RowSet<Row> rows) {
        List<HandledDiscrepancy> list = new ArrayList<>();
        for (Row row : rows) {
            String status = row.getString("status");
            DiscrepancyHandling handling = status == null ? null : new DiscrepancyHandling(Status.valueOf(status),
                    row.getString("note"), row.getString("actor"), SqlTimes.instant(row.getOffsetDateTime("at")));
            list.add(new HandledDiscrepancy(row.getLong("id"), RunRepository.discrepancy(row), handling));
        }
        return list;
    }

    private static String prefixed() {
        return String.join(", ", Arrays.stream(RunRepository.DISCREPANCY_COLUMNS.split(", "))
                .map(column -> "d." + column).toList());
    }
}

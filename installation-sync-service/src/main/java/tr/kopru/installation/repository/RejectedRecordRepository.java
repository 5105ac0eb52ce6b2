package tr.kopru.installation.repository;

import tr.kopru.runtime.db.SqlTimes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps the records a sync could not read, with the fields Köprü reads, for inspection. */
@ApplicationScoped
public class RejectedRecordRepository {

    /** A kept record as the API shows it: where it came from, why it was refused, and its (masked) fields. */
    public record Kept(long id, long runId, String uttsAccount, int page, String reason, JsonNode fields,
                       Instant rejectedAt) {
    }

    private final Pool pool;
    private final ObjectMapper json;

    public RejectedRecordRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** One page of the records a run refused, in the order it met them. */
    public Uni<List<Kept>> ofRun(long runId, int limit, long offset) {
        return pool.preparedQuery("SELECT id, run_id, utts_account, page, reason, raw::text AS raw, rejected_at "
                        + "FROM rejected_record WHERE run_id = $1 ORDER BY id LIMIT $2 OFFSET $3")
                .execute(Tuple.of(runId, limit, offset))
                .map(rows -> {
                    List<Kept> kept = new ArrayList<>();
                    for (Row row : rows) {
                        kept.add(new Kept(row.getLong("id"), row.getLong("run_id"), row.getString("utts_account"),
                                row.getInteger("page"), row.getString("reason"), fields(row.getString("raw")),
                                SqlTimes.instant(row.getOffsetDateTime("rejected_at"))));
                    }
                    return kept;
                });
    }

    public Uni<Long> countOfRun(long runId) {
        return pool.preparedQuery("SELECT count(*) FROM rejected_record WHERE run_id = $1").execute(Tuple.of(runId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private JsonNode fields(String raw) {
        try {
            return json.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rejected_record.raw is not JSON", e);
        }
    }

    /** One unreadable record and why; {@code installationId} when at least its id could be read, else null. */
    public record Rejected(Long installationId, String rawJson, String reason) {
    }

    public Uni<Void> keep(SqlClient tx, long runId, String account, int page, List<Rejected> rejected, Instant now) {
        if (rejected.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("INSERT INTO rejected_record (run_id, utts_account, page, reason, raw, rejected_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6)")
                .executeBatch(rejected.stream().map(r -> Tuple.from(new Object[] {runId, account, page, r.reason(),
                        new JsonObject(r.rawJson()), SqlTimes.offset(now)})).toList())
                .replaceWithVoid();
    }
}

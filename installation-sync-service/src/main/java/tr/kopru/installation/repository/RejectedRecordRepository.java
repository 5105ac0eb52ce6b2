package tr.kopru.installation.repository;

import tr.kopru.runtime.db.SqlTimes;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Keeps the records a sync could not read, with the fields Köprü reads, for inspection. */
@ApplicationScoped
public class RejectedRecordRepository {

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

package tr.kopru.declaration.repository;

import tr.kopru.runtime.db.SqlTimes;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.declaration.domain.DeclarationJson;
import tr.kopru.declaration.domain.Declaration;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static tr.kopru.runtime.db.SqlTimes.offset;

/** The last known state of each declaration, per customs environment. */
@ApplicationScoped
public class DeclarationStateRepository {

    private static final String COLUMNS = "declaration_id, target, fields::text AS fields, updates_delivered, "
            + "last_update_id, updated_at";

    private final Pool pool;

    public DeclarationStateRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<Declaration>> find(String declarationId, String target) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM declaration_state WHERE declaration_id = $1 AND target = $2")
                .execute(Tuple.of(declarationId, target))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(declaration(rows.iterator().next())));
    }

    /** The state inside {@code tx}, locked until it commits, so that two deliveries cannot merge at once. */
    public Uni<Optional<Declaration>> lock(SqlClient tx, String declarationId, String target) {
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM declaration_state WHERE declaration_id = $1 AND target = $2 "
                        + "FOR UPDATE")
                .execute(Tuple.of(declarationId, target))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(declaration(rows.iterator().next())));
    }

    public Uni<Void> save(SqlClient tx, String declarationId, String target, JsonNode fields, UUID lastUpdateId,
                          Instant now) {
        return tx.preparedQuery("INSERT INTO declaration_state (declaration_id, target, fields, updates_delivered, "
                        + "last_update_id, updated_at) VALUES ($1, $2, $3::text::jsonb, 1, $4, $5) "
                        + "ON CONFLICT (declaration_id, target) DO UPDATE SET fields = EXCLUDED.fields, "
                        + "updates_delivered = declaration_state.updates_delivered + 1, "
                        + "last_update_id = EXCLUDED.last_update_id, updated_at = EXCLUDED.updated_at")
                .execute(Tuple.of(declarationId, target, DeclarationJson.text(fields), lastUpdateId, offset(now)))
                .replaceWithVoid();
    }

    private static Declaration declaration(Row row) {
        return new Declaration(row.getString("declaration_id"), row.getString("target"),
                DeclarationJson.tree(row.getString("fields")), row.getInteger("updates_delivered"),
                row.getUUID("last_update_id"), SqlTimes.instant(row.getOffsetDateTime("updated_at")));
    }
}

package tr.kopru.declaration.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import tr.kopru.declaration.domain.DeclarationJson;
import tr.kopru.declaration.domain.DeclarationUpdate;
import tr.kopru.declaration.domain.DeliveryAttempt;
import tr.kopru.declaration.domain.UpdateStatus;
import tr.kopru.model.Nullable;
import tr.kopru.runtime.db.Conditions;
import tr.kopru.runtime.db.Tally;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static tr.kopru.runtime.db.SqlTimes.offset;

/** Declaration updates with their delivery record and the tries at delivering them. */
@ApplicationScoped
public class UpdateRepository {

    /** Deliveries counted by status, kept by the database (V3 migration). */
    @Produces
    static final Tally TALLY = new Tally("delivery_tally", List.of("status"), "deliveries");

    private final Pool pool;

    public UpdateRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores an update and its PENDING delivery, due at once, in one statement (so in one transaction). */
    public Uni<DeclarationUpdate> insert(DeclarationUpdate u) {
        return pool.preparedQuery("WITH inserted AS (INSERT INTO declaration_update (id, declaration_id, target, "
                        + "target_server, body, fields, warnings, requested_by, created_at) VALUES ($1, $2, $3, $4, "
                        + "$5::text::json, $6, $7::text::jsonb, $8, $9) RETURNING id, created_at) "
                        + "INSERT INTO delivery (update_id, status, attempts, next_attempt_at, updated_at) "
                        + "SELECT id, 'PENDING', 0, created_at, created_at FROM inserted")
                .execute(Tuple.from(new Object[] {u.id(), u.declarationId(), u.target(), u.targetServer(),
                        DeclarationJson.text(u.body()), u.fields().toArray(String[]::new), DeclarationJson.text(u.warnings()),
                        u.requestedBy(), offset(u.createdAt())}))
                .chain(() -> find(u.id())).map(Optional::orElseThrow);
    }

    public Uni<Optional<DeclarationUpdate>> find(UUID id) {
        return pool.preparedQuery("SELECT " + UpdateRows.COLUMNS + UpdateRows.FROM + "WHERE u.id = $1")
                .execute(Tuple.of(id)).map(rows -> all(rows, UpdateRows::update).stream().findFirst());
    }

    public Uni<List<DeliveryAttempt>> attempts(UUID id) {
        return pool.preparedQuery("SELECT attempt, at, duration_ms, outcome, http_status, detail FROM delivery_attempt "
                        + "WHERE update_id = $1 ORDER BY attempt")
                .execute(Tuple.of(id)).map(rows -> all(rows, UpdateRows::attempt));
    }

    /** A declaration's updates in the order they were accepted. */
    public Uni<List<DeclarationUpdate>> history(String declarationId, String target, int limit, long offset) {
        return pool.preparedQuery("SELECT " + UpdateRows.COLUMNS + UpdateRows.FROM
                        + "WHERE u.declaration_id = $1 AND u.target = $2 ORDER BY u.sequence LIMIT $3 OFFSET $4")
                .execute(Tuple.of(declarationId, target, limit, offset)).map(rows -> all(rows, UpdateRows::update));
    }

    public Uni<Long> countHistory(String declarationId, String target) {
        return pool.preparedQuery("SELECT count(*) FROM declaration_update WHERE declaration_id = $1 AND target = $2")
                .execute(Tuple.of(declarationId, target)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Updates newest first, optionally only those in one status. */
    public Uni<List<DeclarationUpdate>> list(@Nullable UpdateStatus status, int limit, long offset) {
        Conditions conditions = new Conditions().and("d.status = ?", status == null ? null : status.name());
        return pool.preparedQuery("SELECT " + UpdateRows.COLUMNS + UpdateRows.FROM + conditions.where()
                        + " ORDER BY u.sequence DESC LIMIT " + conditions.after(1) + " OFFSET " + conditions.after(2))
                .execute(conditions.tuple(limit, offset))
                .map(rows -> all(rows, UpdateRows::update));
    }

    /** How many updates there are (in one status), exact, from the tally the database keeps (V3 migration). */
    public Uni<Long> count(@Nullable UpdateStatus status) {
        Conditions conditions = new Conditions().and("status = ?", status == null ? null : status.name());
        return pool.preparedQuery("SELECT coalesce(sum(deliveries), 0) FROM delivery_tally" + conditions.where())
                .execute(conditions.tuple()).map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Takes up to {@code limit} pending updates that are due, leasing them under {@code token} so another replica's
     * worker skips them. Only the oldest pending update of a declaration is taken: a later update is never sent
     * before an earlier one, which would leave the upstream with the earlier values; nor while a try of an earlier
     * one that went unanswered after {@code lateLandingSince} may still land.
     */
    public Uni<List<DeclarationUpdate>> claimDue(UUID token, Instant now, Duration lease, Instant lateLandingSince,
                                                 int limit) {
        return pool.preparedQuery("UPDATE delivery SET leased_until = $2, lease_token = $4 WHERE update_id IN ("
                        + "SELECT d.update_id FROM delivery d JOIN declaration_update u ON u.id = d.update_id "
                        + "WHERE d.status = 'PENDING' AND d.next_attempt_at <= $1 "
                        + "AND (d.leased_until IS NULL OR d.leased_until <= $1) AND NOT EXISTS (SELECT 1 FROM "
                        + "declaration_update e JOIN delivery ed ON ed.update_id = e.id "
                        + "WHERE e.declaration_id = u.declaration_id AND e.target = u.target AND e.sequence < u.sequence "
                        + "AND (ed.status = 'PENDING' OR ed.last_unanswered_at > $5)) "
                        + "ORDER BY u.sequence LIMIT $3 FOR UPDATE OF d SKIP LOCKED) RETURNING update_id")
                .execute(Tuple.from(new Object[] {offset(now), offset(now.plus(lease)), limit, token,
                        offset(lateLandingSince)}))
                .chain(rows -> {
                    List<UUID> ids = all(rows, row -> row.getUUID("update_id"));
                    return ids.isEmpty() ? Uni.createFrom().item(List.<DeclarationUpdate>of())
                            : pool.preparedQuery("SELECT " + UpdateRows.COLUMNS + UpdateRows.FROM
                                    + "WHERE u.id = ANY($1) ORDER BY u.sequence")
                            .execute(Tuple.of(ids.toArray(UUID[]::new))).map(r -> all(r, UpdateRows::update));
                });
    }

    /**
     * Renews the lease on a claimed update right before it is sent, for a whole {@code lease} from {@code now};
     * answers false, and nothing changes, when the lease under {@code token} has run out or another round holds it.
     */
    public Uni<Boolean> renewLease(UUID id, UUID token, Instant now, Duration lease) {
        return pool.preparedQuery("UPDATE delivery SET leased_until = $4 WHERE update_id = $1 AND lease_token = $2 "
                        + "AND status = 'PENDING' AND leased_until > $3")
                .execute(Tuple.of(id, token, offset(now), offset(now.plus(lease))))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Writes down one try at delivering an update. */
    public Uni<Void> recordAttempt(SqlClient tx, UUID id, DeliveryAttempt attempt) {
        return tx.preparedQuery("INSERT INTO delivery_attempt (update_id, attempt, at, duration_ms, outcome, "
                        + "http_status, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(new Object[] {id, attempt.attempt(), offset(attempt.at()), attempt.durationMs(),
                        attempt.outcome(), attempt.httpStatus(), attempt.detail()}))
                .replaceWithVoid();
    }

    /**
     * Moves a delivery on after a try, if the round holding {@code token} still holds its lease: to SENT or FAILED
     * (then {@code nextAttemptAt} is null), or keeps it PENDING until {@code nextAttemptAt}; {@code unanswered} when
     * the try got no answer. The lease ends either way. Answers whether the lease was still held.
     */
    public Uni<Boolean> settle(SqlClient tx, UUID id, UUID token, UpdateStatus status, int attempts,
                               @Nullable Instant nextAttemptAt, @Nullable Integer upstreamStatus,
                               @Nullable String failureReason, @Nullable List<String> changedFields, boolean unanswered,
                               Instant now) {
        return tx.preparedQuery("UPDATE delivery SET status = $2, attempts = $3, next_attempt_at = $4, "
                        + "leased_until = NULL, lease_token = NULL, upstream_status = $5, failure_reason = $6, "
                        + "changed_fields = $7, delivered_at = $9, updated_at = $8, "
                        + "last_unanswered_at = CASE WHEN $11 THEN $8 ELSE last_unanswered_at END "
                        + "WHERE update_id = $1 AND lease_token = $10")
                .execute(Tuple.from(new Object[] {id, status.name(), attempts, offset(nextAttemptAt), upstreamStatus,
                        failureReason, changedFields == null ? null : changedFields.toArray(String[]::new),
                        offset(now), status == UpdateStatus.SENT ? offset(now) : null, token, unanswered}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Keeps a delivery PENDING, untried, until {@code next}, and ends the lease held under {@code token}. */
    public Uni<Void> postpone(UUID id, UUID token, Instant next, Instant now) {
        return pool.preparedQuery("UPDATE delivery SET next_attempt_at = $2, leased_until = NULL, lease_token = NULL, "
                        + "updated_at = $3 WHERE update_id = $1 AND status = 'PENDING' AND lease_token = $4")
                .execute(Tuple.of(id, offset(next), offset(now), token)).replaceWithVoid();
    }

    private static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(mapper.apply(row));
        }
        return list;
    }
}

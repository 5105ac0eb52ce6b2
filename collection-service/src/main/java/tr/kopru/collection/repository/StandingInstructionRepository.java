package tr.kopru.collection.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.collection.domain.InstructionStatus;
import tr.kopru.collection.domain.StandingInstruction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static tr.kopru.runtime.db.SqlTimes.instant;
import static tr.kopru.runtime.db.SqlTimes.offset;

/** Standing instructions, and the batches of due ones a scan walks through. */
@ApplicationScoped
public class StandingInstructionRepository {

    private static final String COLUMNS = "id, institution, declaration_id, taxpayer_id, subscriber_no, region_id, "
            + "scan_every_days, auto_collect, status, next_scan_on, last_scanned_at, created_by, created_at, updated_at";

    /** What a list of instructions is filtered by; null fields do not filter. */
    public record Filter(String institution, InstructionStatus status, Long declarationId) {
    }

    private final Pool pool;

    public StandingInstructionRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(StandingInstruction i) {
        return pool.preparedQuery("INSERT INTO standing_instruction (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, "
                        + "$7, $8, $9, $10, $11, $12, $13, $14)")
                .execute(Tuple.from(new Object[] {i.id(), i.institution(), i.declarationId(), i.taxpayerId(),
                        i.subscriberNo(), i.regionId(), i.scanEveryDays(), i.autoCollect(), i.status().name(),
                        i.nextScanOn(), offset(i.lastScannedAt()), i.createdBy(), offset(i.createdAt()),
                        offset(i.updatedAt())}))
                .replaceWithVoid();
    }

    /**
     * Registers many instructions in one statement; declarations that already have a live instruction are skipped.
     * Answers how many were registered.
     */
    public Uni<Integer> insertMany(List<StandingInstruction> list) {
        int n = list.size();
        UUID[] ids = new UUID[n];
        Long[] declarations = new Long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = list.get(i).id();
            declarations[i] = list.get(i).declarationId();
        }
        StandingInstruction first = list.get(0);
        return pool.preparedQuery("INSERT INTO standing_instruction (id, institution, declaration_id, scan_every_days, "
                        + "auto_collect, status, next_scan_on, created_by, created_at, updated_at) "
                        + "SELECT u.id, $3, u.declaration_id, $4, $5, 'ACTIVE', $6, $7, $8, $8 "
                        + "FROM unnest($1::uuid[], $2::bigint[]) AS u(id, declaration_id) "
                        + "ON CONFLICT (institution, declaration_id) WHERE status <> 'DELETED' DO NOTHING")
                .execute(Tuple.from(new Object[] {ids, declarations, first.institution(), first.scanEveryDays(),
                        first.autoCollect(), first.nextScanOn(), first.createdBy(), offset(first.createdAt())}))
                .map(RowSet::rowCount);
    }

    public Uni<Optional<StandingInstruction>> find(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM standing_instruction WHERE id = $1")
                .execute(Tuple.of(id)).map(rows -> all(rows).stream().findFirst());
    }

    /** Moves an instruction to {@code to} unless it is deleted; the changed instruction, if any. */
    public Uni<Optional<StandingInstruction>> setStatus(UUID id, InstructionStatus to, Instant now) {
        return pool.preparedQuery("UPDATE standing_instruction SET status = $2, updated_at = $3 "
                        + "WHERE id = $1 AND status <> 'DELETED' RETURNING " + COLUMNS)
                .execute(Tuple.of(id, to.name(), offset(now))).map(rows -> all(rows).stream().findFirst());
    }

    public Uni<List<StandingInstruction>> list(Filter filter, int limit, long offset) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM standing_instruction WHERE " + WHERE
                        + " ORDER BY created_at DESC, id LIMIT $4 OFFSET $5")
                .execute(filterTuple(filter).addInteger(limit).addLong(offset)).map(StandingInstructionRepository::all);
    }

    public Uni<Long> count(Filter filter) {
        return pool.preparedQuery("SELECT count(*) FROM standing_instruction WHERE " + WHERE)
                .execute(filterTuple(filter)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** How many active instructions are due on {@code day} (all active ones when {@code everyone}). */
    public Uni<Long> countDue(LocalDate day, boolean everyone) {
        return pool.preparedQuery("SELECT count(*) FROM standing_instruction WHERE status = 'ACTIVE' "
                        + "AND ($2 OR next_scan_on <= $1)")
                .execute(Tuple.of(day, everyone)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** The next batch of due instructions after {@code afterId} (keyset paging, so a batch costs the same at any depth). */
    public Uni<List<StandingInstruction>> dueBatch(LocalDate day, boolean everyone, UUID afterId, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM standing_instruction WHERE status = 'ACTIVE' "
                        + "AND ($2 OR next_scan_on <= $1) AND id > $3 ORDER BY id LIMIT $4")
                .execute(Tuple.of(day, everyone, afterId, limit)).map(StandingInstructionRepository::all);
    }

    /** Stamps a batch as scanned: each is due again after its own interval. */
    public Uni<Void> markScanned(SqlClient tx, List<UUID> ids, LocalDate day, Instant now) {
        return tx.preparedQuery("UPDATE standing_instruction SET next_scan_on = $2::date + scan_every_days, "
                        + "last_scanned_at = $3 WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new), day, offset(now))).replaceWithVoid();
    }

    /**
     * Moves the instructions of a merged-away taxpayer to the taxpayer it became: those of {@code declarationId}, or
     * all of them when it is null; how many moved.
     */
    public Uni<Integer> moveTaxpayer(SqlClient tx, String institution, long oldId, long newId, Long declarationId,
                                     Instant now) {
        return tx.preparedQuery("UPDATE standing_instruction SET taxpayer_id = $3, updated_at = $4 "
                        + "WHERE institution = $1 AND taxpayer_id = $2 AND ($5::bigint IS NULL OR declaration_id = $5)")
                .execute(Tuple.of(institution, oldId, newId, offset(now), declarationId)).map(RowSet::rowCount);
    }

    /** The live instructions of a taxpayer's declaration (all its declarations when null): what a split concerns. */
    public Uni<Integer> countOfTaxpayer(SqlClient tx, String institution, long taxpayerId, Long declarationId) {
        return tx.preparedQuery("SELECT count(*) FROM standing_instruction WHERE institution = $1 AND taxpayer_id = $2 "
                        + "AND ($3::bigint IS NULL OR declaration_id = $3) AND status <> 'DELETED'")
                .execute(Tuple.of(institution, taxpayerId, declarationId))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    private static final String WHERE = "($1::text IS NULL OR institution = $1) AND ($2::text IS NULL OR status = $2) "
            + "AND ($3::bigint IS NULL OR declaration_id = $3)";

    private static Tuple filterTuple(Filter filter) {
        return Tuple.of(filter.institution(), filter.status() == null ? null : filter.status().name(),
                filter.declarationId());
    }

    private static List<StandingInstruction> all(RowSet<Row> rows) {
        List<StandingInstruction> list = new ArrayList<>();
        rows.forEach(row -> list.add(new StandingInstruction(row.getUUID("id"), row.getString("institution"),
                row.getLong("declaration_id"), row.getLong("taxpayer_id"), row.getString("subscriber_no"),
                row.getString("region_id"), row.getInteger("scan_every_days"), row.getBoolean("auto_collect"),
                InstructionStatus.valueOf(row.getString("status")), row.getLocalDate("next_scan_on"),
                instant(row.getOffsetDateTime("last_scanned_at")), row.getString("created_by"),
                instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("updated_at")))));
        return list;
    }
}

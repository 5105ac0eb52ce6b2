package tr.kopru.installation.repository;

import tr.kopru.runtime.db.SqlTimes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.installation.domain.InstallationSnapshot;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Writes of the installation mirror and its change history, batched, inside the caller's transaction. */
@ApplicationScoped
public class InstallationRepository {

    private static final String UPSERT = insertStatement(
            " ON CONFLICT (installation_id) DO UPDATE SET " + overwrites());
    private static final String INSERT_NEW = insertStatement(
            " ON CONFLICT (installation_id) DO NOTHING RETURNING installation_id");

    /** A stored installation with its content fingerprint. */
    public record Stored(InstallationSnapshot snapshot, String contentHash, long lastSeenRun) {
    }

    /** One change to record in the history. */
    public record Change(long installationId, long runId, Instant at, List<String> fields, String previousStatus,
                         String status) {
    }

    /** The content fingerprints of those of {@code ids} that are stored: all an unchanged page needs to read. */
    public Uni<Map<Long, String>> findHashes(SqlClient tx, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.preparedQuery("SELECT installation_id, content_hash FROM installation WHERE installation_id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, String> hashes = new HashMap<>(ids.size() * 2);
                    for (Row row : rows) {
                        hashes.put(row.getLong("installation_id"), row.getString("content_hash"));
                    }
                    return hashes;
                });
    }

    public Uni<Map<Long, Stored>> findByIds(SqlClient tx, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.preparedQuery("SELECT " + InstallationRows.COLUMNS + ", content_hash, last_seen_run "
                        + "FROM installation WHERE installation_id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, Stored> stored = new HashMap<>();
                    for (Row row : rows) {
                        stored.put(row.getLong("installation_id"), new Stored(InstallationRows.snapshot(row),
                                row.getString("content_hash"), row.getLong("last_seen_run")));
                    }
                    return stored;
                });
    }

    /**
     * Inserts new installations and overwrites changed ones, all in one statement (the columns travel as arrays);
     * first_seen_at stays as it was.
     */
    public Uni<Void> upsert(SqlClient tx, List<InstallationSnapshot> snapshots, Map<Long, String> contentHashes,
                            long runId, Instant now) {
        if (snapshots.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(UPSERT).execute(InstallationRows.columns(snapshots, contentHashes, runId, now))
                .replaceWithVoid();
    }

    /**
     * Rewrites only the fingerprints of installations whose content did not change but whose stored fingerprint was
     * taken over other fields (an earlier version's): their last change stays when it was.
     */
    public Uni<Void> refreshFingerprints(SqlClient tx, Map<Long, String> contentHashes) {
        if (contentHashes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] ids = new Long[contentHashes.size()];
        String[] hashes = new String[contentHashes.size()];
        int i = 0;
        for (Map.Entry<Long, String> entry : contentHashes.entrySet()) {
            ids[i] = entry.getKey();
            hashes[i++] = entry.getValue();
        }
        return tx.preparedQuery("UPDATE installation i SET content_hash = u.hash "
                        + "FROM unnest($1::bigint[], $2::text[]) AS u(id, hash) WHERE i.installation_id = u.id")
                .execute(Tuple.of(ids, hashes))
                .replaceWithVoid();
    }

    /**
     * Inserts those of {@code snapshots} that are not stored yet, in one statement, and answers their ids; the others
     * are left as they are. For a page expected to be all new, it replaces the fingerprint lookup.
     */
    public Uni<Set<Long>> insertNew(SqlClient tx, List<InstallationSnapshot> snapshots,
                                    Map<Long, String> contentHashes, long runId, Instant now) {
        if (snapshots.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return tx.preparedQuery(INSERT_NEW).execute(InstallationRows.columns(snapshots, contentHashes, runId, now))
                .map(rows -> {
                    Set<Long> inserted = new HashSet<>(rows.size() * 2);
                    rows.forEach(row -> inserted.add(row.getLong("installation_id")));
                    return inserted;
                });
    }

    public Uni<Void> recordChanges(SqlClient tx, List<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("INSERT INTO installation_change (installation_id, run_id, changed_at, changed_fields, "
                        + "previous_status, status) VALUES ($1, $2, $3, $4, $5, $6)")
                .executeBatch(changes.stream().map(c -> Tuple.from(new Object[] {c.installationId(), c.runId(),
                        SqlTimes.offset(c.at()), c.fields().toArray(String[]::new), c.previousStatus(),
                        c.status()})).toList())
                .replaceWithVoid();
    }

    /** Inserts the columns of {@link InstallationRows#columns}, with {@code onConflict} appended. */
    private static String insertStatement(String onConflict) {
        String[] types = InstallationRows.COLUMN_ARRAY_TYPES.split(",\\s*");
        StringBuilder arrays = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            arrays.append(i == 0 ? "" : ", ").append('$').append(i + 1).append("::")
                    .append(types[i].equals("numeric[]") ? "text[]::numeric[]" : types[i]);
        }
        int run = types.length + 1;
        return "INSERT INTO installation (" + InstallationRows.COLUMNS + ", content_hash, last_seen_run, "
                + "first_seen_at, last_changed_at) SELECT u.*, $" + run + ", $" + (run + 1) + ", $" + (run + 1)
                + " FROM unnest(" + arrays + ") AS u" + onConflict;
    }

    /** What an upsert overwrites: everything but the id and first_seen_at. */
    private static String overwrites() {
        return Arrays.stream(InstallationRows.COLUMNS.split(",\\s*"))
                .filter(c -> !c.equals("installation_id")).map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "))
                + ", content_hash = EXCLUDED.content_hash, last_seen_run = EXCLUDED.last_seen_run, "
                + "last_changed_at = EXCLUDED.last_changed_at";
    }
}

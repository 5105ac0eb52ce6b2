package tr.kopru.collection.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.collection.client.FlexCityMerge;

import java.time.Instant;

import static tr.kopru.runtime.db.SqlTimes.offset;

/** The taxpayer merges and splits already taken into account, each once, with how many instructions they concerned. */
@ApplicationScoped
public class AppliedMergeRepository {

    /** Records the merge unless it was recorded before; false when it was (nothing more to do). */
    public Uni<Boolean> record(SqlClient tx, String institution, FlexCityMerge merge, Instant now) {
        return tx.preparedQuery("INSERT INTO applied_merge (institution, old_taxpayer_id, new_taxpayer_id, "
                        + "declaration_id, merged_on, status, instructions, applied_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, 0, $7) ON CONFLICT DO NOTHING")
                .execute(Tuple.from(new Object[] {institution, merge.eskiSbsMuhatapId(), merge.yeniSbsMuhatapId(),
                        declaration(merge), merge.islemTarihi(), merge.durumu(), offset(now)}))
                .map(rows -> rows.rowCount() > 0);
    }

    /** How many instructions the recorded merge moved (a merge) or left for an operator to check (a split). */
    public Uni<Void> countInstructions(SqlClient tx, String institution, FlexCityMerge merge, int instructions) {
        return tx.preparedQuery("UPDATE applied_merge SET instructions = $5 WHERE institution = $1 "
                        + "AND old_taxpayer_id = $2 AND new_taxpayer_id = $3 AND declaration_id = $4")
                .execute(Tuple.of(institution, merge.eskiSbsMuhatapId(), merge.yeniSbsMuhatapId(), declaration(merge),
                        instructions))
                .replaceWithVoid();
    }

    private static long declaration(FlexCityMerge merge) {
        return merge.beyanId() == null ? 0 : merge.beyanId();
    }
}

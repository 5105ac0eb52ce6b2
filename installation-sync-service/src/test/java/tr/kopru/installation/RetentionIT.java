package tr.kopru.installation;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import tr.kopru.runtime.retention.RetentionPurge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KVKK retention on the real database: rejected records past 30 days, changes past a year and finished runs past
 * 90 days are purged; what is younger, a run still holding a change, and each account's latest run are kept.
 */
@QuarkusTest
class RetentionIT {

    private static final String ACCOUNT = "retention-account";

    @Inject
    Pool pool;

    @Inject
    RetentionPurge purge;

    @Test
    void whatIsPastItsRetentionIsPurgedAndTheRestIsKept() {
        long oldRun = run("100 days");
        long oldRunWithRecentChange = run("100 days");
        long youngRun = run("10 days");
        long latestRun = run("95 days");
        long installation = installation(oldRunWithRecentChange);
        change(installation, oldRunWithRecentChange, "400 days");
        change(installation, oldRunWithRecentChange, "20 days");
        rejected(oldRunWithRecentChange, "40 days");
        rejected(youngRun, "5 days");

        Map<String, Long> purged = purge.purge().await().atMost(Duration.ofSeconds(30));

        assertThat(purged.get("rejected UTTS records")).isGreaterThanOrEqualTo(1);
        assertThat(purged.get("installation changes")).isGreaterThanOrEqualTo(1);
        assertThat(purged.get("finished sync runs")).isGreaterThanOrEqualTo(1);
        assertThat(single("SELECT count(*) FROM rejected_record WHERE run_id = ANY($1)",
                Tuple.of(new Long[] {oldRunWithRecentChange, youngRun}))).isEqualTo(1);
        assertThat(single("SELECT count(*) FROM installation_change WHERE installation_id = $1",
                Tuple.of(installation))).isEqualTo(1);
        assertThat(ids("SELECT id FROM sync_run WHERE utts_account = $1 ORDER BY id", ACCOUNT))
                .containsExactly(oldRunWithRecentChange, youngRun, latestRun);
        assertThat(oldRun).isLessThan(oldRunWithRecentChange);
    }

    private long run(String finishedAgo) {
        return single("INSERT INTO sync_run (utts_account, trigger, status, started_at, finished_at) VALUES ($1, "
                + "'SCHEDULED', 'SUCCEEDED', now() - $2::text::interval, now() - $2::text::interval) RETURNING id",
                Tuple.of(ACCOUNT, finishedAgo));
    }

    private long installation(long runId) {
        return single("""
                INSERT INTO installation (installation_id, installation_code, licence_plate, status, status_id,
                    upstream_last_modified_at, utts_account, content_hash, first_seen_at, last_changed_at,
                    last_seen_run)
                VALUES (987654321, 'RET-1', '34 RT 1', 'Aktif', 5, now(), $1, 'x', now(), now(), $2)
                RETURNING installation_id""", Tuple.of(ACCOUNT, runId));
    }

    private void change(long installation, long runId, String ago) {
        single("INSERT INTO installation_change (installation_id, run_id, changed_at, changed_fields, status) "
                + "VALUES ($1, $2, now() - $3::text::interval, ARRAY['status'], 'Aktif') RETURNING id",
                Tuple.of(installation, runId, ago));
    }

    private void rejected(long runId, String ago) {
        single("INSERT INTO rejected_record (run_id, utts_account, page, reason, raw, rejected_at) "
                + "VALUES ($1, $2, 1, 'unreadable', '{}'::jsonb, now() - $3::text::interval) RETURNING id",
                Tuple.of(runId, ACCOUNT, ago));
    }

    private long single(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private List<Long> ids(String sql, String account) {
        List<Long> ids = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.of(account)).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> ids.add(row.getLong(0)));
        return ids;
    }
}

package tr.kopru.collection;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import tr.kopru.runtime.retention.RetentionPurge;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Finished scan runs past 90 days are purged; younger ones, and the latest finished one, are kept. */
@QuarkusTest
class RetentionIT {

    @Inject
    Pool pool;

    @Inject
    RetentionPurge purge;

    @Test
    void scanRunsPastTheirRetentionArePurged() {
        long old = scanRun("120 days");
        long young = scanRun("3 days");
        long latest = scanRun("100 days");

        assertThat(purge.purge().await().atMost(Duration.ofSeconds(30)).get("finished scan runs"))
                .isGreaterThanOrEqualTo(1);

        assertThat(exists(old)).isFalse();
        assertThat(exists(young)).isTrue();
        assertThat(exists(latest)).isTrue();
    }

    private long scanRun(String finishedAgo) {
        return pool.preparedQuery("INSERT INTO scan_run (trigger, status, started_at, finished_at) VALUES "
                        + "('SCHEDULED', 'SUCCEEDED', now() - $1::text::interval, now() - $1::text::interval) "
                        + "RETURNING id")
                .execute(Tuple.of(finishedAgo)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private boolean exists(long id) {
        return pool.preparedQuery("SELECT count(*) FROM scan_run WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) == 1;
    }
}

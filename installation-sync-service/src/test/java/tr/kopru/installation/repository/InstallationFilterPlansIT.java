package tr.kopru.installation.repository;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import tr.kopru.runtime.db.IndexPlans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query API's lookup filters find their rows through an index, not by reading the whole mirror: with a million
 * installations, a filter read through every row takes a second. Planned as on a large table (sequential scans
 * ruled out), each filter's plan must look its value up in an index.
 */
@QuarkusTest
class InstallationFilterPlansIT {

    @Inject
    Pool pool;

    @Test
    void aLicencePlateWrittenWithoutSpacesOrInLowerCaseIsLookedUpInAnIndex() {
        assertThat(plan(new InstallationQueries.Filter("34ab1234", null, null, null, null, null, null)))
                .contains("installation_plate_idx").contains("Index Cond");
    }

    @Test
    void anInstallationCodeIsLookedUpInAnIndex() {
        assertThat(plan(new InstallationQueries.Filter(null, "MNT-1", null, null, null, null, null)))
                .contains("installation_code_idx").contains("Index Cond");
    }

    @Test
    void anOwnersTaxNumberIsLookedUpInAnIndex() {
        assertThat(plan(new InstallationQueries.Filter(null, null, null, "0123456789", null, null, null)))
                .contains("installation_owner_tax_idx").contains("Index Cond");
    }

    private String plan(InstallationQueries.Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = InstallationQueries.where(filter, params);
        return pool.withTransaction(tx -> IndexPlans.use(tx)
                        .chain(() -> tx.preparedQuery("EXPLAIN SELECT * FROM installation" + where)
                                .execute(Tuple.from(params))))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getString(0))
                        .collect(Collectors.joining("\n")))
                .await().atMost(Duration.ofSeconds(10));
    }
}

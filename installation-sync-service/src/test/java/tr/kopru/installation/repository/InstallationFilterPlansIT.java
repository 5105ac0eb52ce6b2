package tr.kopru.installation.repository;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import tr.kopru.runtime.db.Conditions;
import tr.kopru.runtime.db.IndexPlans;

import java.time.Duration;
import java.time.LocalDate;
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

    @Test
    void anActivationPeriodIsReadFromAnIndex() {
        assertThat(plan(new InstallationQueries.Filter(null, null, null, null, null, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30)))).contains("installation_activated_idx").contains("Index Cond");
    }

    private String plan(InstallationQueries.Filter filter) {
        Conditions conditions = InstallationQueries.conditions(filter);
        return pool.withTransaction(tx -> IndexPlans.use(tx)
                        .chain(() -> tx.preparedQuery("EXPLAIN SELECT count(*) FROM installation" + conditions.where())
                                .execute(conditions.tuple())))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getString(0))
                        .collect(Collectors.joining("\n")))
                .await().atMost(Duration.ofSeconds(10));
    }
}

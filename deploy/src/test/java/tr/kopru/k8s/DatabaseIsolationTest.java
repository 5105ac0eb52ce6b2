package tr.kopru.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tr.kopru.infra.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database roles as the manifests make them (the CloudNativePG cluster's {@code postInitApplicationSQL} and
 * managed login roles, read from {@code deploy/k8s/base/postgres.yaml} and applied to a real PostgreSQL): each
 * service's role works in its own schema and cannot read, write or create anything in another's, nor in public.
 */
class DatabaseIsolationTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void applyTheManifestsRoles() throws Exception {
        postgres = PostgresServer.start(0, null);
        JsonNode cluster = RenderedManifests.parse(Files.readString(Path.of("k8s", "base", "postgres.yaml"))).get(0);
        try (Connection admin = connect("postgres", ""); Statement statement = admin.createStatement()) {
            for (JsonNode sql : cluster.path("spec").path("bootstrap").path("initdb").path("postInitApplicationSQL")) {
                statement.execute(sql.asText());
            }
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                assertThat(role.path("login").asBoolean()).isTrue();
                statement.execute("ALTER ROLE " + role.path("name").asText() + " LOGIN PASSWORD 'test-only'");
            }
        }
        try (Connection reconciliation = connect("reconciliation", "test-only");
             Statement statement = reconciliation.createStatement()) {
            statement.execute("CREATE TABLE reconciliation.ledger_entry (amount numeric)");
            statement.execute("INSERT INTO reconciliation.ledger_entry VALUES (10.00)");
        }
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aServiceRoleWorksInItsOwnSchema() throws Exception {
        try (Connection collection = connect("collection", "test-only");
             Statement statement = collection.createStatement()) {
            statement.execute("CREATE TABLE collection.collection (id int)");
            statement.execute("INSERT INTO collection.collection VALUES (1)");
        }
    }

    @Test
    void theCollectionRoleCannotReadWriteOrCreateInTheReconciliationSchemaNorInPublic() throws Exception {
        try (Connection collection = connect("collection", "test-only");
             Statement statement = collection.createStatement()) {
            for (String sql : new String[] {"SELECT * FROM reconciliation.ledger_entry",
                    "INSERT INTO reconciliation.ledger_entry VALUES (1.00)",
                    "CREATE TABLE reconciliation.planted (id int)", "CREATE TABLE public.planted (id int)"}) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        }
    }

    private static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.port() + "/"
                + PostgresServer.DATABASE, user, password);
    }
}

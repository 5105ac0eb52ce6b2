package tr.kopru.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tr.kopru.infra.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the fault campaign: PostgreSQL killed with {@code kill -9} right after a commit lost it, since the
 * embedded server answered commits before writing their WAL. A commit the client was told of survives the kill.
 */
class PostgresDurabilityTest {

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedCommitSurvivesTheServerBeingKilled() throws Exception {
        Path cluster = data.resolve("cluster");
        PostgresServer first = PostgresServer.start(0, cluster);
        int port = first.port();
        try (Connection db = connect(port); Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE acknowledged (n int PRIMARY KEY)");
            for (int n = 1; n <= 200; n++) {
                statement.execute("INSERT INTO acknowledged VALUES (" + n + ")");
            }
        }
        long postmaster = Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).trim());
        ManagedProcess.signal(ProcessHandle.of(postmaster).orElseThrow(), "KILL");
        closeQuietly(first);

        PostgresServer again = PostgresServer.start(port, cluster);
        try (Connection db = connect(port); Statement statement = db.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM acknowledged")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(200);
        } finally {
            again.close();
        }
    }

    private static Connection connect(int port) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + PostgresServer.DATABASE,
                "postgres", "");
    }

    private static void closeQuietly(PostgresServer server) {
        try {
            server.close();
        } catch (RuntimeException e) {
            // It is dead already; what matters is that it lets go of its data directory.
        }
    }
}

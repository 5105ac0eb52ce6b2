package tr.kopru.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server run from the binaries that ship inside a Maven jar, so that tests and the local run need
 * no Docker engine. Holds one database, {@value #DATABASE}, with one schema and role per service.
 */
public final class PostgresServer implements AutoCloseable {

    /** The database every service connects to; each works in its own schema. */
    public static final String DATABASE = "kopru";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server.
     *
     * @param port    the port to listen on, or 0 for any free port
     * @param dataDir where the cluster lives and survives restarts, or null for a throw-away directory
     */
    public static PostgresServer start(int port, Path dataDir) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", dataDir == null ? "off" : "on");
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        try {
            PostgresServer server = new PostgresServer(builder.start());
            server.execute("postgres", "SELECT 1");
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of {@value #DATABASE}, as Flyway uses it. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** Vert.x reactive client URL of {@value #DATABASE}, as the services use it. */
    public String reactiveUrl() {
        return "postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /**
     * Creates the role and the schema it owns, unless they exist, and points the role's search path at its schema.
     * Safe to call on every start.
     */
    public void ensureServiceSchema(String name, String password) {
        requireIdentifier(name);
        execute(DATABASE, """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                    CREATE ROLE %1$s LOGIN PASSWORD '%2$s';
                  END IF;
                END $$;
                CREATE SCHEMA IF NOT EXISTS %1$s AUTHORIZATION %1$s;
                ALTER ROLE %1$s SET search_path = %1$s;
                GRANT CONNECT ON DATABASE %3$s TO %1$s;
                """.formatted(name, password.replace("'", "''"), DATABASE));
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = connect("postgres");
             var rs = connection.createStatement()
                     .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                connection.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + DATABASE, e);
        }
    }

    private void execute(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port() + "/" + database, "postgres", "");
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain lower-case SQL identifier: " + name);
        }
    }
}

package tr.kopru.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL server run from the binaries that ship inside a Maven jar, so that tests and the local run need
 * no Docker engine. Holds the database {@value #DATABASE}, in which each service owns one schema and role.
 */
public final class PostgresServer implements AutoCloseable {

    /** The database every service connects to; each works in its own schema. */
    public static final String DATABASE = "kopru";

    private final EmbeddedPostgres postgres;
    private final DatabaseBootstrap bootstrap;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.bootstrap = new DatabaseBootstrap("localhost", postgres.getPort(), "postgres", "");
    }

    /**
     * Starts a server and creates {@value #DATABASE} in it.
     *
     * @param port    the port to listen on, or 0 for any free port
     * @param dataDir where the cluster lives, or null for a throw-away directory
     */
    public static PostgresServer start(int port, Path dataDir) {
        // fsync off: a test machine's crash may lose data, a killed server may not. The embedded server's own
        // default of synchronous_commit=off would answer a commit before its WAL is written, so that a server
        // killed right after loses commits its clients were told of (the fault campaign found a booked collection
        // gone that way); production runs with it on, and so do we.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        try {
            PostgresServer server = new PostgresServer(builder.start());
            server.bootstrap.ensureDatabase(DATABASE);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of {@value #DATABASE}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** Creates a service's role and schema unless they exist; see {@link DatabaseBootstrap#ensureServiceSchema}. */
    public void ensureServiceSchema(String name, String password) {
        bootstrap.ensureServiceSchema(DATABASE, name, password);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}

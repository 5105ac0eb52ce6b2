package tr.kopru.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares a PostgreSQL server for Köprü with an administrator's connection: the database, and per service a schema
 * with a login role of the same name that owns it. Every step is idempotent, so it runs on every start; it serves
 * the embedded server and a user's own PostgreSQL alike.
 */
public final class DatabaseBootstrap {

    private final String host;
    private final int port;
    private final String adminUser;
    private final String adminPassword;

    public DatabaseBootstrap(String host, int port, String adminUser, String adminPassword) {
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** Creates {@code database} unless it exists. */
    public void ensureDatabase(String database) {
        requireIdentifier(database);
        try (Connection connection = connect("postgres");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            if (!rs.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the login role {@code name} and the schema {@code name} it owns in {@code database}, unless they
     * exist, and points the role's search path at its schema.
     */
    public void ensureServiceSchema(String database, String name, String password) {
        requireIdentifier(database);
        requireIdentifier(name);
        String sql = """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                    CREATE ROLE %1$s LOGIN PASSWORD '%2$s';
                  END IF;
                END $$;
                CREATE SCHEMA IF NOT EXISTS %1$s AUTHORIZATION %1$s;
                ALTER ROLE %1$s SET search_path = %1$s;
                GRANT CONNECT ON DATABASE %3$s TO %1$s;
                """.formatted(name, password.replace("'", "''"), database);
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare schema " + name + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
                adminUser, adminPassword);
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain lower-case SQL identifier: " + name);
        }
    }
}

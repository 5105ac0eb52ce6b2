package tr.kopru.local;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the local run reads from the environment. Unset, it starts its own Kafka and PostgreSQL on fixed ports;
 * set, it uses the user's.
 */
public final class LocalSettings {

    /** Port of the local Kafka broker (its controller listens on the next port). */
    public static final int KAFKA_PORT = 19092;
    /** Port of the local PostgreSQL. */
    public static final int POSTGRES_PORT = 15432;
    /** Port of the upstream simulator (UTTS, FlexCity, customs). */
    public static final int SIMULATOR_PORT = 8090;

    private LocalSettings() {
    }

    /** The user's own Kafka ({@code KAFKA_BOOTSTRAP_SERVERS}), if any. */
    static Optional<String> externalKafka() {
        return env("KAFKA_BOOTSTRAP_SERVERS");
    }

    /** The user's own PostgreSQL host ({@code KOPRU_DB_HOST}), if any; its port is {@code KOPRU_DB_PORT}. */
    static Optional<String> externalDatabaseHost() {
        return env("KOPRU_DB_HOST");
    }

    static int databasePort() {
        return env("KOPRU_DB_PORT").map(Integer::parseInt).orElse(POSTGRES_PORT);
    }

    /** Password of the service roles; only a local placeholder unless {@code KOPRU_DB_PASSWORD} is set. */
    public static String databasePassword() {
        return env("KOPRU_DB_PASSWORD").orElse("local-dev-only");
    }

    /** Administrator that creates the database, schemas and roles on the user's own PostgreSQL. */
    static String databaseAdminUser() {
        return env("KOPRU_DB_ADMIN_USER").orElse("postgres");
    }

    static String databaseAdminPassword() {
        return env("KOPRU_DB_ADMIN_PASSWORD").orElse("");
    }

    /** The API keys the services accept: {@code KOPRU_API_KEYS_FILE}, or the local demo key's file. */
    public static Path apiKeysFile() {
        return env("KOPRU_API_KEYS_FILE").map(Path::of).orElse(Path.of("deploy", "local", "api-keys.json"));
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}

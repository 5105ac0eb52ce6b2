package tr.kopru.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** The four services as the local run starts them: module directory and HTTP port. */
public enum LocalService {
    INSTALLATION_SYNC("installation-sync-service", 8081),
    COLLECTION("collection-service", 8082),
    RECONCILIATION("reconciliation-service", 8083),
    DECLARATION("declaration-service", 8084);

    private final String module;
    private final int port;

    LocalService(String module, int port) {
        this.module = module;
        this.port = port;
    }

    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    /** The runnable jar that {@code ./mvnw install} builds. */
    public Path runnableJar() {
        return Path.of(module, "target", "quarkus-app", "quarkus-run.jar");
    }

    static Optional<LocalService> byModule(String module) {
        return Arrays.stream(values()).filter(s -> s.module.equals(module)).findFirst();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}

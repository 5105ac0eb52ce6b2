package tr.kopru.local;

import tr.kopru.infra.DatabaseBootstrap;
import tr.kopru.local.day.BusinessDay;
import tr.kopru.infra.PostgresServer;
import tr.kopru.model.ServiceSchema;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs the whole platform on this machine without Docker: {@code up [--detach] [--day]}, {@code day}, {@code down},
 * {@code status}.
 * {@code up} starts a real Kafka broker and PostgreSQL (unless the environment names the user's own), then the four
 * services, each its own process with its own log file, and waits until every one is ready.
 */
public final class LocalPlatform {

    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final RunDirectory runDirectory = new RunDirectory(Path.of(".kopru"));
    private final List<ManagedProcess> started = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    public static void main(String[] args) {
        String command = args.length == 0 ? "up" : args[0];
        LocalPlatform platform = new LocalPlatform();
        int exitCode = switch (command) {
            case "up" -> platform.up(List.of(args).contains("--detach"), List.of(args).contains("--day"));
            case "day" -> platform.day();
            case "down" -> platform.down();
            case "status" -> platform.status();
            case "chaos" -> tr.kopru.local.chaos.ChaosCampaign.run(List.of(args));
            default -> {
                System.err.println("usage: ./kopru up [--detach] [--no-build] [--day] | day | down | status"
                        + " | chaos [--minutes N] [--seed S] [--faults KINDS] [--no-build]");
                yield 2;
            }
        };
        System.exit(exitCode);
    }

    int up(boolean detach, boolean businessDay) {
        List<ManagedProcess> running = runDirectory.running();
        if (!running.isEmpty()) {
            System.err.println("Köprü is already running (" + names(running) + "). Stop it first: ./kopru down");
            return 1;
        }
        runDirectory.clear();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopStarted));
        try {
            String kafka = LocalSettings.externalKafka().orElseGet(this::startKafka);
            String databaseHost = LocalSettings.externalDatabaseHost().map(this::prepareExternalDatabase)
                    .orElseGet(this::startPostgres);
            startSimulator();
            for (LocalService service : LocalService.values()) {
                startService(service, kafka, databaseHost);
            }
            startConsole();
            StatusTable.print(kafka, databaseHost, LocalSettings.databasePort(), runDirectory);
        } catch (RuntimeException e) {
            System.err.println("\nKöprü did not start: " + e.getMessage());
            return 1;
        }
        if (businessDay && BusinessDay.walk(kafka()) != 0 && detach) {
            started.clear();
            System.out.println("Still running, for a look at what went wrong. Stop everything with: ./kopru down");
            return 1;
        }
        if (detach) {
            started.clear();
            System.out.println("Running in the background. Stop everything with: ./kopru down");
            return 0;
        }
        System.out.println("Köprü is running. Ctrl-C stops everything (or ./kopru down from another terminal).");
        return superviseUntilSomethingExits();
    }

    /** Walks through a business day on the running platform, starting it first when nothing runs. */
    int day() {
        if (runDirectory.running().isEmpty()) {
            int up = up(true, false);
            if (up != 0) {
                return up;
            }
        }
        return BusinessDay.walk(kafka());
    }

    private static String kafka() {
        return LocalSettings.externalKafka().orElse("localhost:" + LocalSettings.KAFKA_PORT);
    }

    int down() {
        List<ManagedProcess> running = new ArrayList<>(runDirectory.running());
        if (running.isEmpty()) {
            System.out.println("Nothing is running.");
        }
        Collections.reverse(running);
        for (ManagedProcess process : running) {
            System.out.println("Stopping " + process.name() + " (pid " + process.pid() + ")");
            process.stop(STOP_GRACE);
        }
        runDirectory.clear();
        return 0;
    }

    int status() {
        List<ManagedProcess> running = runDirectory.running();
        if (running.isEmpty()) {
            System.out.println("Nothing is running. Start it with: ./kopru up");
            return 1;
        }
        for (ManagedProcess process : running) {
            String readiness = LocalService.byModule(process.name()).map(LocalService::baseUrl)
                    .or(() -> LocalConsole.MODULE.equals(process.name()) ? Optional.of(LocalConsole.baseUrl())
                            : Optional.empty())
                    .map(url -> Readiness.serviceReady(url) ? "ready" : "NOT READY").orElse("running");
            System.out.printf("%-27s pid %-8d %-10s %s%n", process.name(), process.pid(), readiness, process.log());
        }
        return 0;
    }

    private String startKafka() {
        requirePortFree(LocalSettings.KAFKA_PORT, "Kafka");
        startInfra("kafka", LocalSettings.KAFKA_PORT);
        return "localhost:" + LocalSettings.KAFKA_PORT;
    }

    private String startPostgres() {
        requirePortFree(LocalSettings.POSTGRES_PORT, "PostgreSQL");
        startInfra("postgres", LocalSettings.POSTGRES_PORT);
        return "localhost";
    }

    private String prepareExternalDatabase(String host) {
        System.out.println("Using your PostgreSQL at " + host + ":" + LocalSettings.databasePort());
        DatabaseBootstrap bootstrap = new DatabaseBootstrap(host, LocalSettings.databasePort(),
                LocalSettings.databaseAdminUser(), LocalSettings.databaseAdminPassword());
        bootstrap.ensureDatabase(PostgresServer.DATABASE);
        ServiceSchema.allNames().forEach(schema -> bootstrap.ensureServiceSchema(
                PostgresServer.DATABASE, schema, LocalSettings.databasePassword()));
        return host;
    }

    private void startInfra(String name, int port) {
        System.out.print("Starting " + name + " on port " + port + " ... ");
        List<String> command = List.of(javaExecutable(), "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), InfraMain.class.getName(), name, Integer.toString(port));
        ManagedProcess process = launch(name, command, Map.of());
        Readiness.await(process, () -> process.logHasLineStartingWith(InfraMain.READY), INFRA_TIMEOUT);
        System.out.println("ready");
    }

    /** The stand-in for UTTS, FlexCity and the customs API that the services call locally. */
    private void startSimulator() {
        requirePortFree(LocalSettings.SIMULATOR_PORT, "the upstream simulator");
        System.out.print("Starting upstream-simulator on port " + LocalSettings.SIMULATOR_PORT + " ... ");
        // Room for benchmark-sized seeds (a million installations are generated, not stored; 100,000 receipts are).
        List<String> command = List.of(javaExecutable(), "-Xmx768m", "-cp",
                "upstream-simulator/target/classes" + File.pathSeparator + "upstream-simulator/target/lib/*",
                "tr.kopru.simulator.UpstreamSimulator", Integer.toString(LocalSettings.SIMULATOR_PORT));
        ManagedProcess process = launch("upstream-simulator", command, Map.of());
        Readiness.await(process, () -> process.logHasLineStartingWith("READY"), INFRA_TIMEOUT);
        System.out.println("ready");
    }

    private void startService(LocalService service, String kafka, String databaseHost) {
        if (!Files.exists(service.runnableJar())) {
            throw new IllegalStateException(service.runnableJar() + " is missing: build first (./kopru up builds)");
        }
        requirePortFree(service.port(), service.module());
        System.out.print("Starting " + service.module() + " on port " + service.port() + " ... ");
        // The collector a pod gets: under its 768 MiB limit the JVM is not "server class" and picks the serial
        // collector, where on a large laptop it would pick G1 (whose barriers cost a first installation sync of
        // 1M records about a quarter more service CPU).
        List<String> command = List.of(javaExecutable(), "-Xmx320m", "-XX:+UseSerialGC", "-Dquarkus.profile=local",
                "-jar", service.runnableJar().toString());
        ManagedProcess process = launch(service.module(), command, Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(service.port()),
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "KOPRU_DB_HOST", databaseHost,
                "KOPRU_DB_PORT", Integer.toString(LocalSettings.databasePort()),
                "KOPRU_DB_PASSWORD", LocalSettings.databasePassword(),
                "KOPRU_API_KEYS_FILE", LocalSettings.apiKeysFile().toAbsolutePath().toString()));
        Readiness.await(process, () -> Readiness.serviceReady(service.baseUrl()), SERVICE_TIMEOUT);
        System.out.println("ready");
    }

    /** The operator console, over the four services' APIs. */
    private void startConsole() {
        if (!Files.exists(LocalConsole.runnableJar())) {
            throw new IllegalStateException(LocalConsole.runnableJar()
                    + " is missing: build first (./kopru up builds)");
        }
        requirePortFree(LocalConsole.PORT, LocalConsole.MODULE);
        System.out.print("Starting " + LocalConsole.MODULE + " on port " + LocalConsole.PORT + " ... ");
        List<String> command = List.of(javaExecutable(), "-Xmx160m", "-XX:+UseSerialGC", "-Dquarkus.profile=local",
                "-jar", LocalConsole.runnableJar().toString());
        ManagedProcess process = launch(LocalConsole.MODULE, command, LocalConsole.environment());
        Readiness.await(process, () -> Readiness.serviceReady(LocalConsole.baseUrl()), SERVICE_TIMEOUT);
        System.out.println("ready");
    }

    private ManagedProcess launch(String name, List<String> command, Map<String, String> env) {
        ManagedProcess process = ManagedProcess.start(name, command, env, runDirectory.logFile(name));
        started.add(process);
        runDirectory.record(process);
        return process;
    }

    private int superviseUntilSomethingExits() {
        while (!stopping) {
            for (ManagedProcess process : started) {
                if (!process.isAlive() && !stopping) {
                    System.err.println(process.name() + " exited unexpectedly; stopping the rest. End of "
                            + process.log() + ":\n" + process.logTail(30));
                    return 1;
                }
            }
            Readiness.sleep(Duration.ofSeconds(1));
        }
        return 0;
    }

    private synchronized void stopStarted() {
        stopping = true;
        if (started.isEmpty()) {
            return;
        }
        System.out.println("\nStopping Köprü ...");
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop(STOP_GRACE);
        }
        started.clear();
        runDirectory.clear();
        System.out.println("Stopped.");
    }

    private static void requirePortFree(int port, String what) {
        if (!Readiness.portFree(port)) {
            throw new IllegalStateException("port " + port + " for " + what + " is already in use by another program");
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String names(List<ManagedProcess> processes) {
        return String.join(", ", processes.stream().map(p -> p.name() + " pid " + p.pid()).toList());
    }
}

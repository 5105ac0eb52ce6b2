package tr.kopru.local.chaos;

import io.vertx.core.Vertx;
import tr.kopru.local.InfraMain;
import tr.kopru.local.LocalService;
import tr.kopru.local.LocalSettings;
import tr.kopru.local.ManagedProcess;
import tr.kopru.local.Readiness;
import tr.kopru.local.RunDirectory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The platform as the campaign runs it: one real Kafka broker and one PostgreSQL that keep their data when they are
 * killed, the upstream simulator, and two instances of every service, each reaching PostgreSQL, Kafka and the
 * simulator through TCP proxies of its own. Offers the process faults (kill, restart, pause, resume) and the proxies.
 */
public final class ChaosCluster implements AutoCloseable {

    /** Where an instance's traffic goes through a proxy. */
    public enum Link { DATABASE, KAFKA, UPSTREAM }

    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final String RESTART_MARKER = "--- started again by the fault campaign ---";

    private final RunDirectory runDirectory;
    private final Path data;
    private final Map<String, String> serviceSettings;
    private final Vertx vertx = Vertx.vertx();
    private final List<ServiceInstance> instances = new ArrayList<>();
    private final Map<ServiceInstance, ManagedProcess> services = new ConcurrentHashMap<>();
    private final Map<ServiceInstance, Map<Link, TcpProxy>> proxies = new LinkedHashMap<>();
    private volatile ManagedProcess kafka;
    private volatile ManagedProcess postgres;
    private ManagedProcess simulator;

    /**
     * @param root            the run directory ({@code .kopru}): logs and pid files, and the servers' data under
     *                        {@code chaos/}
     * @param serviceSettings environment every service instance gets (the campaign's shorter timers)
     */
    public ChaosCluster(Path root, Map<String, String> serviceSettings) {
        this.runDirectory = new RunDirectory(root);
        this.data = root.resolve("chaos");
        this.serviceSettings = serviceSettings;
        int index = 0;
        for (LocalService service : LocalService.values()) {
            for (int replica = 0; replica < 2; replica++) {
                instances.add(new ServiceInstance(service, replica, index++));
            }
        }
    }

    public List<ServiceInstance> instances() {
        return instances;
    }

    /** The instances of {@code service}. */
    public List<ServiceInstance> replicasOf(LocalService service) {
        return instances.stream().filter(i -> i.service() == service).toList();
    }

    /** Starts Kafka, PostgreSQL and the simulator; {@link #startServices()} starts the instances. */
    public void startInfrastructure() {
        if (!runDirectory.running().isEmpty()) {
            throw new IllegalStateException("Köprü is already running; stop it first: ./kopru down");
        }
        runDirectory.clear();
        deleteRecursively(data);
        startKafka(false);
        startPostgres(false);
        simulator = launch("upstream-simulator", List.of(java(), "-Xmx768m", "-cp",
                "upstream-simulator/target/classes" + File.pathSeparator + "upstream-simulator/target/lib/*",
                "tr.kopru.simulator.UpstreamSimulator", Integer.toString(LocalSettings.SIMULATOR_PORT)), Map.of(),
                false);
        awaitReadyLine(simulator, "READY");
        for (ServiceInstance instance : instances) {
            Map<Link, TcpProxy> own = new EnumMap<>(Link.class);
            own.put(Link.DATABASE, TcpProxy.start(vertx, instance.name() + "→postgres",
                    instance.databaseProxyPort(), LocalSettings.POSTGRES_PORT));
            own.put(Link.KAFKA, TcpProxy.start(vertx, instance.name() + "→kafka", instance.kafkaProxyPort(),
                    instance.kafkaListenerPort()));
            own.put(Link.UPSTREAM, TcpProxy.start(vertx, instance.name() + "→upstream",
                    instance.upstreamProxyPort(), LocalSettings.SIMULATOR_PORT));
            proxies.put(instance, own);
        }
    }

    /** Starts every instance (the first replica of each service first, so each migrates its schema once). */
    public void startServices() {
        instances.stream().filter(i -> i.replica() == 0).forEach(i -> startService(i, false));
        instances.stream().filter(i -> i.replica() == 1).forEach(i -> startService(i, false));
    }

    public TcpProxy proxy(ServiceInstance instance, Link link) {
        return proxies.get(instance).get(link);
    }

    /** Every proxy passes traffic again. */
    public void healAllProxies() {
        proxies.values().forEach(own -> own.values().forEach(TcpProxy::heal));
    }

    public boolean isRunning(ServiceInstance instance) {
        ManagedProcess process = services.get(instance);
        return process != null && process.isAlive();
    }

    public void killService(ServiceInstance instance) {
        services.get(instance).kill();
    }

    /** Starts a killed instance again and waits until it is ready. */
    public void restartService(ServiceInstance instance) {
        startService(instance, true);
    }

    public void killKafka() {
        kafka.kill();
    }

    public void restartKafka() {
        startKafka(true);
    }

    /** SIGSTOP (true) or SIGCONT (false) to the broker. */
    public void pauseKafka(boolean pause) {
        kafka.signalTree(pause ? "STOP" : "CONT");
    }

    /** Kills the PostgreSQL server itself (its postmaster, whose backends then exit) and the process that ran it. */
    public void killPostgres() {
        postmaster().ifPresent(p -> ManagedProcess.signal(p, "KILL"));
        postgres.kill();
    }

    public void restartPostgres() {
        startPostgres(true);
    }

    /** SIGSTOP (true) or SIGCONT (false) to the postmaster and every backend. */
    public void pausePostgres(boolean pause) {
        postmaster().ifPresent(p -> ManagedProcess.signal(p, pause ? "STOP" : "CONT"));
    }

    /** The log file of an instance, for telling where to look when something went wrong. */
    public Path logOf(ServiceInstance instance) {
        return runDirectory.logFile(instance.name());
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
            String first = Files.readAllLines(pidFile).get(0).trim();
            return ProcessHandle.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void startKafka(boolean again) {
        StringJoiner listeners = new StringJoiner(",");
        instances.forEach(i -> listeners.add(i.kafkaListenerPort() + ">" + i.kafkaProxyPort()));
        kafka = launch("kafka", infra("kafka", LocalSettings.KAFKA_PORT, data.resolve("kafka"), listeners.toString()),
                Map.of(), again);
        awaitReadyLine(kafka, InfraMain.READY);
    }

    private void startPostgres(boolean again) {
        postgres = launch("postgres", infra("postgres", LocalSettings.POSTGRES_PORT, data.resolve("postgres"), null),
                Map.of(), again);
        awaitReadyLine(postgres, InfraMain.READY);
    }

    private List<String> infra(String name, int port, Path dir, String listeners) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                InfraMain.class.getName(), name, Integer.toString(port), dir.toAbsolutePath().toString()));
        if (listeners != null) {
            command.add(listeners);
        }
        return command;
    }

    private void startService(ServiceInstance instance, boolean again) {
        LocalService service = instance.service();
        Map<String, String> env = new LinkedHashMap<>(serviceSettings);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(instance.httpPort()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + instance.kafkaProxyPort());
        env.put("KOPRU_DB_HOST", "127.0.0.1");
        env.put("KOPRU_DB_PORT", Integer.toString(instance.databaseProxyPort()));
        env.put("KOPRU_DB_PASSWORD", LocalSettings.databasePassword());
        env.put("KOPRU_API_KEYS_FILE", LocalSettings.apiKeysFile().toAbsolutePath().toString());
        env.put("KOPRU_SIMULATOR_URL", "http://127.0.0.1:" + instance.upstreamProxyPort());
        env.put("KOPRU_UTTS_URL", "http://127.0.0.1:" + instance.upstreamProxyPort());
        ManagedProcess process = launch(instance.name(), List.of(java(), "-Xmx320m", "-XX:+UseSerialGC",
                "-Dquarkus.profile=local", "-jar", service.runnableJar().toString()), env, again);
        services.put(instance, process);
        await(process, () -> Readiness.serviceReady(instance.baseUrl()), SERVICE_TIMEOUT);
    }

    /** Waits for the ready line the process prints, in its log since it was (last) started. */
    private void awaitReadyLine(ManagedProcess process, String prefix) {
        await(process, () -> linesSinceStart(process.log()).stream().anyMatch(line -> line.startsWith(prefix)),
                INFRA_TIMEOUT);
    }

    private static List<String> linesSinceStart(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            int start = lines.lastIndexOf(RESTART_MARKER);
            return lines.subList(start + 1, lines.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void await(ManagedProcess process, BooleanSupplier ready, Duration timeout) {
        Readiness.await(process, ready, timeout);
    }

    private ManagedProcess launch(String name, List<String> command, Map<String, String> env, boolean again) {
        Path log = runDirectory.logFile(name);
        if (again) {
            appendMarker(log);
        }
        ManagedProcess process = again ? ManagedProcess.restart(name, command, env, log)
                : ManagedProcess.start(name, command, env, log);
        runDirectory.record(process);
        return process;
    }

    private static void appendMarker(Path log) {
        try {
            Files.writeString(log, "\n" + RESTART_MARKER + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pausePostgres(false);
        if (kafka != null && kafka.isAlive()) {
            pauseKafka(false);
        }
        healAllProxies();
        services.values().forEach(p -> p.stop(STOP_GRACE));
        if (simulator != null) {
            simulator.stop(STOP_GRACE);
        }
        if (postgres != null) {
            postgres.stop(STOP_GRACE);
        }
        if (kafka != null) {
            kafka.stop(STOP_GRACE);
        }
        proxies.values().forEach(own -> own.values().forEach(TcpProxy::close));
        vertx.close();
        runDirectory.clear();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

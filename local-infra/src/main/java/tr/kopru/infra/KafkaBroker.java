package tr.kopru.infra;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real single-node KRaft Kafka broker (controller and broker in one), for tests and the local run.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Partitions of every topic created here: more than one, so that per-key ordering is really exercised. */
    public static final int DEFAULT_PARTITIONS = 3;

    private static final String CLUSTER_ID = "a29wcnUtbG9jYWwtMDAwMQ";

    private final EmbeddedKafkaBroker broker;
    private final Path logDir;
    private final boolean ownsLogDir;

    private KafkaBroker(EmbeddedKafkaBroker broker, Path logDir, boolean ownsLogDir) {
        this.broker = broker;
        this.logDir = logDir;
        this.ownsLogDir = ownsLogDir;
    }

    /**
     * Starts a broker.
     *
     * @param port   the client port, or 0 for any free port
     * @param logDir where the broker keeps its logs across restarts, or null for a throw-away directory
     */
    public static KafkaBroker start(int port, Path logDir) {
        return start(port, logDir, Map.of());
    }

    /**
     * Starts a broker with one more listener per entry of {@code proxied}: it binds the key's port and advertises
     * the value's, where a TCP proxy forwards to it. A client bootstrapped through such a proxy is told to reach the
     * broker through the same proxy, so the proxy sees (and can cut) all of that client's traffic.
     */
    public static KafkaBroker start(int port, Path logDir, Map<Integer, Integer> proxied) {
        return start(port, logDir, proxied, null);
    }

    /**
     * Starts a broker that also has a TLS listener with SCRAM-SHA-512 authentication, as production's, and the
     * standard authorizer: on that listener a client may do only what an ACL grants its user. The plain listener
     * stays open to the broker itself and to tests, as a super user, for creating users, topics and ACLs.
     */
    public static KafkaBroker startSecured(SecureListener secure) {
        return start(0, null, Map.of(), secure);
    }

    private static KafkaBroker start(int port, Path logDir, Map<Integer, Integer> proxied, SecureListener secure) {
        boolean ownsLogDir = logDir == null;
        Path dir = ownsLogDir ? temporaryDirectory() : logDir;
        // Ports and log directory are pinned, so that stop() and restart() bring back the same broker with its data.
        int kafkaPort = port > 0 ? port : freePort();
        int controllerPort = port > 0 ? port + 1 : freePort();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withNodeId(0)
                .withKafkaPort(kafkaPort)
                .withControllerPort(controllerPort)
                .withDeleteLogDirsOnClose(false)
                // Fixed, so that a broker started again in another process on the same log directory is the same
                // cluster.
                .withClusterId(CLUSTER_ID)
                .withAdditionalProperties(properties -> {
                    addProxiedListeners(properties, proxied);
                    if (secure != null) {
                        secure.addTo(properties);
                    }
                    properties.put("auto.create.topics.enable", "false");
                    properties.put("offsets.topic.num.partitions", "3");
                    properties.put("group.initial.rebalance.delay.ms", "0");
                    properties.put("transaction.state.log.replication.factor", "1");
                    properties.put("transaction.state.log.min.isr", "1");
                    properties.put("log.dirs", dir.toAbsolutePath().toString());
                });
        return new KafkaBroker(broker.start(), dir, ownsLogDir);
    }

    private static void addProxiedListeners(Properties properties, Map<Integer, Integer> proxied) {
        proxied.forEach((bound, proxy) -> addListener(properties, "PROXIED_" + bound, "127.0.0.1:" + bound,
                "127.0.0.1:" + proxy, "PLAINTEXT"));
    }

    /** One more listener: bound at {@code bound}, advertised as {@code advertised}, speaking {@code protocol}. */
    static void addListener(Properties properties, String name, String bound, String advertised, String protocol) {
        String own = properties.getProperty("listeners");
        // Unset, the advertised listeners are the bound ones but the controller's.
        String advertisedBefore = properties.getProperty("advertised.listeners",
                own.replaceAll(",?CONTROLLER://[^,]*", ""));
        properties.put("listeners", own + "," + name + "://" + bound);
        properties.put("advertised.listeners", advertisedBefore + "," + name + "://" + advertised);
        properties.put("listener.security.protocol.map",
                properties.getProperty("listener.security.protocol.map") + "," + name + ":" + protocol);
    }

    /** Stops the broker, keeping its data; {@link #restart()} brings it back on the same port. */
    public void stop() {
        broker.close();
    }

    /** Starts a stopped broker again with the data it had. */
    public void restart() {
        broker.start();
    }

    /** The {@code host:port} list clients connect to. */
    public String bootstrapServers() {
        return broker.getAdvertisedListeners().split(",")[0].replaceAll("[A-Z_0-9]+://", "");
    }

    /** The {@code host:port} of the TLS and SCRAM listener of a broker started by {@link #startSecured}. */
    public String secureBootstrapServers() {
        for (String listener : broker.getAdvertisedListeners().split(",")) {
            if (listener.startsWith(SecureListener.NAME + "://")) {
                return listener.substring(SecureListener.NAME.length() + 3);
            }
        }
        throw new IllegalStateException("This broker has no secure listener");
    }

    /** Creates the topics that do not exist yet, each with {@value #DEFAULT_PARTITIONS} partitions. */
    public void createTopics(Collection<String> names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = names.stream().filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, DEFAULT_PARTITIONS, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topics " + names, e);
        }
    }

    @Override
    public void close() {
        broker.close();
        if (ownsLogDir) {
            deleteRecursively(logDir);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("kopru-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}

package tr.kopru.local;

import tr.kopru.infra.KafkaBroker;
import tr.kopru.infra.PostgresServer;
import tr.kopru.model.ServiceSchema;
import tr.kopru.model.Topics;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the local run's infrastructure processes: {@code kafka PORT [DATA_DIR [BOUND>PROXY,...]]} or
 * {@code postgres PORT [DATA_DIR]}. Starts the real server, prepares it for Köprü (topics; database, schemas and
 * roles), prints a ready line and runs until it is stopped. With a data directory, a server started again (after it
 * was killed) comes back with its data; each {@code BOUND>PROXY} is a further Kafka listener on port BOUND that
 * advertises PROXY, where the fault campaign's TCP proxy for one service instance listens.
 */
public final class InfraMain {

    /** Printed once the server is ready to serve. */
    public static final String READY = "READY";

    private InfraMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: InfraMain kafka PORT [DATA_DIR [BOUND>PROXY,...]] | postgres PORT [DATA_DIR]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        Path dataDir = args.length > 2 ? Path.of(args[2]) : null;
        AutoCloseable server = switch (args[0]) {
            case "kafka" -> startKafka(port, dataDir, args.length > 3 ? proxied(args[3]) : Map.of());
            case "postgres" -> startPostgres(port, dataDir);
            default -> throw new IllegalArgumentException("Unknown server: " + args[0]);
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("Did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
    }

    private static Map<Integer, Integer> proxied(String listeners) {
        Map<Integer, Integer> proxied = new LinkedHashMap<>();
        for (String pair : listeners.split(",")) {
            String[] ports = pair.split(">");
            proxied.put(Integer.parseInt(ports[0]), Integer.parseInt(ports[1]));
        }
        return proxied;
    }

    private static KafkaBroker startKafka(int port, Path logDir, Map<Integer, Integer> proxied) {
        KafkaBroker broker = KafkaBroker.start(port, logDir, proxied);
        broker.createTopics(Topics.withDeadLetters());
        System.out.println(READY + " kafka " + broker.bootstrapServers() + " topics " + Topics.withDeadLetters());
        return broker;
    }

    private static PostgresServer startPostgres(int port, Path dataDir) {
        PostgresServer postgres = PostgresServer.start(port, dataDir);
        String password = LocalSettings.databasePassword();
        ServiceSchema.allNames().forEach(schema -> postgres.ensureServiceSchema(schema, password));
        System.out.println(READY + " postgres " + postgres.jdbcUrl() + " schemas " + ServiceSchema.allNames());
        return postgres;
    }
}

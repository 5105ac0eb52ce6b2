package tr.kopru.local;

import tr.kopru.infra.KafkaBroker;
import tr.kopru.infra.PostgresServer;
import tr.kopru.model.ServiceSchema;
import tr.kopru.model.Topics;

import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the local run's infrastructure processes: {@code kafka PORT} or {@code postgres PORT}. Starts the
 * real server, prepares it for Köprü (topics; database, schemas and roles), prints a ready line and runs until it is
 * stopped.
 */
public final class InfraMain {

    /** Printed once the server is ready to serve. */
    public static final String READY = "READY";

    private InfraMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: InfraMain kafka|postgres PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        AutoCloseable server = switch (args[0]) {
            case "kafka" -> startKafka(port);
            case "postgres" -> startPostgres(port);
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

    private static KafkaBroker startKafka(int port) {
        KafkaBroker broker = KafkaBroker.start(port, null);
        broker.createTopics(Topics.withDeadLetters());
        System.out.println(READY + " kafka " + broker.bootstrapServers() + " topics " + Topics.withDeadLetters());
        return broker;
    }

    private static PostgresServer startPostgres(int port) {
        PostgresServer postgres = PostgresServer.start(port, null);
        String password = LocalSettings.databasePassword();
        ServiceSchema.allNames().forEach(schema -> postgres.ensureServiceSchema(schema, password));
        System.out.println(READY + " postgres " + postgres.jdbcUrl() + " schemas " + ServiceSchema.allNames());
        return postgres;
    }
}

package tr.kopru.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jboss.logging.Logger;
import tr.kopru.infra.KafkaBroker;
import tr.kopru.infra.PostgresServer;
import tr.kopru.model.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts a real KRaft Kafka broker and a real PostgreSQL for a service's tests, creates every topic up front and the
 * service's schema and role, and points the service at them. Declare it once per service (argument {@code schema}):
 * a global test resource declared twice starts twice.
 */
public class KopruInfraResource implements QuarkusTestResourceLifecycleManager {

    /** A topic that belongs to no contract, for tests of the plumbing itself. */
    public static final String WIRING_CHECK_TOPIC = "kopru.wiring-check";

    /** Password of every service role in tests; trust authentication makes it a formality. */
    public static final String TEST_DB_PASSWORD = "test-only";

    private static final Logger LOG = Logger.getLogger(KopruInfraResource.class);

    private static volatile KafkaBroker kafka;

    private String schema;
    private PostgresServer postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        schema = initArgs.get("schema");
        if (schema == null) {
            throw new IllegalArgumentException("KopruInfraResource needs the service's schema as argument 'schema'");
        }
    }

    @Override
    public Map<String, String> start() {
        var kafkaStart = CompletableFuture.supplyAsync(() -> KafkaBroker.start(0, null));
        var postgresStart = CompletableFuture.supplyAsync(() -> PostgresServer.start(0, null));
        kafka = kafkaStart.join();
        postgres = postgresStart.join();

        List<String> topics = new ArrayList<>(Topics.withDeadLetters());
        topics.add(WIRING_CHECK_TOPIC);
        kafka.createTopics(topics);
        postgres.ensureServiceSchema(schema, TEST_DB_PASSWORD);
        LOG.infof("Real Kafka broker (KRaft) at %s with topics %s; real PostgreSQL at %s, schema %s",
                kafka.bootstrapServers(), topics, postgres.jdbcUrl(), schema);

        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "kopru.db.port", String.valueOf(postgres.port()),
                "kopru.db.password", TEST_DB_PASSWORD);
    }

    /** The running broker, for tests that stop and restart it to show that nothing is lost meanwhile. */
    public static KafkaBroker kafka() {
        return kafka;
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}

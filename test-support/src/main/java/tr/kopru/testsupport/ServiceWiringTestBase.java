package tr.kopru.testsupport;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import tr.kopru.runtime.outbox.Outbox;
import tr.kopru.runtime.outbox.OutboxEvent;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/**
 * The walking skeleton every service must pass: it is healthy against its real database and broker, answers its own
 * endpoint, and an event written through Hibernate Reactive Panache into its Flyway-migrated schema leaves on a real
 * Kafka topic. A service's test extends this class and is a {@code @QuarkusTest}.
 */
public abstract class ServiceWiringTestBase {

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "kopru.db.schema")
    String schema;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Test
    void readinessCoversDatabaseAndKafka() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Kafka connection health check",
                        "Reactive PostgreSQL connections health check"));
    }

    @Test
    void livenessOpenApiAndMetricsAreServed() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void serviceInfoNamesTheServiceAndItsSchema() {
        given().get("/api/v1/service-info")
                .then().statusCode(200)
                .body("success", is(true))
                .body("data.service", is(service))
                .body("data.schema", is(schema));
    }

    @Test
    void anEventWrittenThroughPanacheLeavesOnTheRealTopic() throws Throwable {
        String key = "wiring-" + UUID.randomUUID();
        String payload = "{\"check\":\"" + key + "\"}";
        OutboxEvent stored = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.append(KopruInfraResource.WIRING_CHECK_TOPIC, key, "tr.kopru.wiring-check.v1", null, payload)));

        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            ConsumerTask<String, String> records = companion.consumeStrings()
                    .fromTopics(KopruInfraResource.WIRING_CHECK_TOPIC);
            await().atMost(Duration.ofSeconds(30)).until(() -> records.getRecords().stream()
                    .anyMatch(r -> key.equals(r.key())));
            ConsumerRecord<String, String> received = records.getRecords().stream()
                    .filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            assertThat(received.value()).isEqualTo(payload);
            assertThat(KafkaHeaders.text(received, "ce_id")).isEqualTo(stored.id.toString());
            assertThat(KafkaHeaders.text(received, "ce_type")).isEqualTo("tr.kopru.wiring-check.v1");
            assertThat(KafkaHeaders.text(received, "ce_source")).isEqualTo(service);
            records.stop();
        }

        // Acknowledged by the broker, the event leaves the outbox.
        await().atMost(Duration.ofSeconds(10)).until(() -> pool
                .preparedQuery("SELECT count(*) FROM " + schema + ".outbox_event WHERE id = $1")
                .execute(Tuple.of(stored.id)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0) == 0);
    }
}

package tr.kopru.runtimeit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import tr.kopru.model.Topics;
import tr.kopru.model.event.CloudEventHeaders;
import tr.kopru.model.event.PaymentMade;
import tr.kopru.model.json.ContractJson;
import tr.kopru.testsupport.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class IdempotentConsumerIT {

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        PaymentMade payment = OutboxIT.payment("KPR-TWICE-" + UUID.randomUUID());
        String eventId = UUID.randomUUID().toString();
        byte[] value = ContractJson.mapper().writeValueAsBytes(payment);
        String marker = "KPR-AFTER-TWICE-" + UUID.randomUUID();
        try (KafkaCompanion companion = companion()) {
            send(companion, headers(eventId, "tr.kopru.collection.payment-made.v1"), value);
            send(companion, headers(eventId, "tr.kopru.collection.payment-made.v1"), value);
            send(companion, headers(UUID.randomUUID().toString(), "tr.kopru.collection.payment-made.v1"),
                    ContractJson.mapper().writeValueAsBytes(OutboxIT.payment(marker)));
        }
        // The marker was sent after both copies on the same partition: once it is applied, so were they.
        await().atMost(Duration.ofSeconds(30)).until(() -> payments(marker) == 1);
        assertThat(payments(payment.transactionNumber())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = $1::uuid", eventId)).isEqualTo(1);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheConsumerMovesOn() throws Exception {
        String notJson = "not-json-" + UUID.randomUUID();
        String unknownType = "unknown-type-" + UUID.randomUUID();
        String invalid = "invalid-" + UUID.randomUUID();
        String good = "KPR-AFTER-POISON-" + UUID.randomUUID();
        var invalidPayment = ContractJson.mapper().valueToTree(OutboxIT.payment("KPR-INVALID-" + UUID.randomUUID()));
        double deadLetteredBefore = deadLettered(Topics.deadLetterOf(Topics.PAYMENT_MADE));
        ((com.fasterxml.jackson.databind.node.ObjectNode) invalidPayment).remove("amount");
        try (KafkaCompanion companion = companion()) {
            ConsumerTask<String, byte[]> deadLetters = companion.consume(String.class, byte[].class)
                    .fromTopics(Topics.deadLetterOf(Topics.PAYMENT_MADE));
            send(companion, notJson, headers(UUID.randomUUID().toString(), "tr.kopru.collection.payment-made.v1"),
                    "{not json".getBytes(StandardCharsets.UTF_8));
            send(companion, unknownType, headers(UUID.randomUUID().toString(), "tr.kopru.collection.refund.v1"),
                    "{}".getBytes(StandardCharsets.UTF_8));
            send(companion, invalid, headers(UUID.randomUUID().toString(), "tr.kopru.collection.payment-made.v1"),
                    ContractJson.mapper().writeValueAsBytes(invalidPayment));
            send(companion, headers(UUID.randomUUID().toString(), "tr.kopru.collection.payment-made.v1"),
                    ContractJson.mapper().writeValueAsBytes(OutboxIT.payment(good)));

            await().atMost(Duration.ofSeconds(30)).until(() -> payments(good) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.getRecords().stream()
                    .filter(r -> r.key() != null && (r.key().equals(notJson) || r.key().equals(unknownType)
                            || r.key().equals(invalid))).count() == 3);
            assertThat(reasonFor(deadLetters, notJson)).contains("payload is not JSON");
            assertThat(reasonFor(deadLetters, unknownType))
                    .contains("unknown or unexpected event type 'tr.kopru.collection.refund.v1'");
            assertThat(reasonFor(deadLetters, invalid)).contains("payload does not match").contains("amount");
            deadLetters.stop();
        }
        assertThat(deadLettered(Topics.deadLetterOf(Topics.PAYMENT_MADE)) - deadLetteredBefore).isEqualTo(3);
        assertThat(deadLettered(Topics.deadLetterOf(Topics.PAYMENT_CANCELLED))).isZero();
    }

    /** The dead-letter counter of {@code topic}, as /q/metrics shows it. */
    private static double deadLettered(String topic) {
        return RestAssured.get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("kopru_dead_lettered_records_total{")
                        && line.contains("topic=\"" + topic + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    private static String reasonFor(ConsumerTask<String, byte[]> records, String key) {
        return records.getRecords().stream().filter(r -> key.equals(r.key())).findFirst()
                .map(r -> KafkaHeaders.text(r, "dead-letter-reason")).orElseThrow();
    }

    private KafkaCompanion companion() {
        KafkaCompanion companion = new KafkaCompanion(bootstrapServers);
        companion.registerSerde(byte[].class, Serdes.ByteArray());
        return companion;
    }

    private static void send(KafkaCompanion companion, RecordHeaders headers, byte[] value) {
        send(companion, "ornek-belediye:idempotency", headers, value);
    }

    private static void send(KafkaCompanion companion, String key, RecordHeaders headers, byte[] value) {
        companion.produce(String.class, byte[].class)
                .fromRecords(new ProducerRecord<>(Topics.PAYMENT_MADE, null, key, value, headers))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    private static RecordHeaders headers(String id, String type) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(id, type, "test", "ornek-belediye:idempotency", "2026-11-23T11:42:19Z", null)
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private long payments(String transactionNumber) {
        return count("SELECT count(*) FROM fixture_payment WHERE transaction_number = $1", transactionNumber);
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}

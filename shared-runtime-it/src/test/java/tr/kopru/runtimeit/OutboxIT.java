package tr.kopru.runtimeit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tr.kopru.testsupport.KafkaHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import tr.kopru.model.Money;
import tr.kopru.model.Topics;
import tr.kopru.model.event.CloudEventHeaders;
import tr.kopru.model.event.EventType;
import tr.kopru.model.event.PaymentChannel;
import tr.kopru.model.event.PaymentMade;
import tr.kopru.model.json.ContractJson;
import tr.kopru.runtime.outbox.Outbox;
import tr.kopru.runtime.outbox.OutboxHealthCheck;
import tr.kopru.runtime.outbox.OutboxStatistics;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import tr.kopru.testsupport.KopruInfraResource;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class OutboxIT {

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @Inject
    OutboxStatistics statistics;

    @Inject
    @Readiness
    OutboxHealthCheck outboxHealth;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aBusinessChangeAndItsEventCommitTogetherAndTheEventLeavesAsACloudEvent() throws Throwable {
        PaymentMade payment = payment("KPR-OUTBOX-" + UUID.randomUUID());
        String aggregateId = "ornek-belediye:" + payment.transactionNumber();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> businessChange(payment)
                .chain(() -> outbox.append(EventType.PAYMENT_MADE, aggregateId, payment))));

        ConsumerRecord<String, String> record = awaitRecords(Topics.PAYMENT_MADE, aggregateId, 1).get(0);

        assertThat(KafkaHeaders.text(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(UUID.fromString(KafkaHeaders.text(record, CloudEventHeaders.ID))).isNotNull();
        assertThat(KafkaHeaders.text(record, CloudEventHeaders.TYPE)).isEqualTo("tr.kopru.collection.payment-made.v1");
        assertThat(KafkaHeaders.text(record, CloudEventHeaders.SOURCE)).isEqualTo("shared-runtime-it");
        assertThat(KafkaHeaders.text(record, CloudEventHeaders.SUBJECT)).isEqualTo(aggregateId);
        assertThat(Instant.parse(KafkaHeaders.text(record, CloudEventHeaders.TIME)))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(KafkaHeaders.text(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(KafkaHeaders.text(record, CloudEventHeaders.DATA_CONTENT_TYPE)).as("deprecated, still sent")
                .isEqualTo("application/json");
        assertThat(KafkaHeaders.text(record, CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo("https://schemas.kopru.com.tr/events/tr.kopru.collection.payment-made.v1.json");
        JsonNode value = ContractJson.mapper().readTree(record.value());
        assertThat(schemaProblems(value)).isEmpty();
        assertThat(value.get("amount").decimalValue()).isEqualByComparingTo("845.60");
        assertThat(record.value()).contains("\"amount\":845.60");
        assertThat(fixtureOrders(payment.invoiceNumber())).isEqualTo(1);
    }

    @Test
    void aRolledBackChangeLeavesNoEventBehind() {
        PaymentMade payment = payment("KPR-ROLLBACK-" + UUID.randomUUID());
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> businessChange(payment)
                        .chain(() -> outbox.append(EventType.PAYMENT_MADE, payment.transactionNumber(), payment))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("upstream said no"))))))
                .hasMessageContaining("upstream said no");

        assertThat(fixtureOrders(payment.invoiceNumber())).isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE record_key = $1", payment.transactionNumber()))
                .isZero();
    }

    @Test
    void anEventAppendedWithItsChangeIsWrittenOnlyIfTheChangeHappened() {
        PaymentMade payment = payment("KPR-WITH-" + UUID.randomUUID());
        pool.preparedQuery("INSERT INTO fixture_order (invoice_number, amount, channel) VALUES ($1, 1.00, 'api')")
                .execute(Tuple.of(payment.invoiceNumber())).await().atMost(Duration.ofSeconds(10));
        String change = "WITH changed AS (UPDATE fixture_order SET channel = $2 WHERE invoice_number = $1 RETURNING id)";

        boolean missed = outbox.appendWith(pool, change, "changed", Tuple.of("no-such-invoice", "auto"),
                outbox.message(EventType.PAYMENT_MADE, "no-such-invoice", payment)).await().atMost(Duration.ofSeconds(10));
        boolean changed = outbox.appendWith(pool, change, "changed", Tuple.of(payment.invoiceNumber(), "auto"),
                        outbox.message(EventType.PAYMENT_MADE, payment.transactionNumber(), payment))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(missed).isFalse();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE record_key = $1", "no-such-invoice")).isZero();
        assertThat(changed).isTrue();
        assertThat(count("SELECT count(*) FROM fixture_order WHERE channel = 'auto' AND invoice_number = $1",
                payment.invoiceNumber())).isEqualTo(1);
        ConsumerRecord<String, String> record = awaitRecords(Topics.PAYMENT_MADE, payment.transactionNumber(), 1).get(0);
        assertThat(KafkaHeaders.text(record, CloudEventHeaders.TYPE)).isEqualTo("tr.kopru.collection.payment-made.v1");
        assertThat(record.value()).contains(payment.invoiceNumber());
    }

    @Test
    void aRelayWhoseListeningConnectionIsCutListensAgainAndStillPublishesAtOnce() throws Throwable {
        String listening = "SELECT count(*) FROM pg_stat_activity WHERE usename = current_user "
                + "AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()";
        assertThat(count(listening)).isEqualTo(1);
        pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = current_user "
                + "AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()").execute().await().atMost(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(listening) == 1);

        PaymentMade payment = payment("KPR-RELISTEN-" + UUID.randomUUID());
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.append(EventType.PAYMENT_MADE, payment.transactionNumber(), payment)));

        // The relay polls only hourly in this module: the event leaves because its commit woke the relay.
        assertThat(awaitRecords(Topics.PAYMENT_MADE, payment.transactionNumber(), 1)).hasSize(1);
    }

    @Test
    void anEventCommittedAfterALaterOneWasPublishedStillLeavesAtOnce() {
        PaymentMade early = payment("KPR-EARLY-" + UUID.randomUUID());
        PaymentMade late = payment("KPR-LATE-" + UUID.randomUUID());
        CompletableFuture<Void> appended = new CompletableFuture<>();
        CompletableFuture<Void> commit = new CompletableFuture<>();
        // The first transaction takes its outbox position, then waits before committing.
        CompletableFuture<Void> committed = pool.withTransaction(tx -> outbox.appendAll(tx,
                                List.of(outbox.message(EventType.PAYMENT_MADE, early.transactionNumber(), early)))
                        .invoke(() -> appended.complete(null))
                        .chain(() -> Uni.createFrom().completionStage(commit)))
                .subscribeAsCompletionStage();
        appended.join();
        pool.withTransaction(tx -> outbox.appendAll(tx,
                List.of(outbox.message(EventType.PAYMENT_MADE, late.transactionNumber(), late))))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(awaitRecords(Topics.PAYMENT_MADE, late.transactionNumber(), 1)).hasSize(1);

        commit.complete(null);
        committed.join();

        // The relay has sent a later position; it still reads the earlier one, without waiting for the (hourly) poll.
        assertThat(awaitRecords(Topics.PAYMENT_MADE, early.transactionNumber(), 1)).hasSize(1);
    }

    @Test
    void nothingIsLostWhileTheBrokerIsDownAndEverythingLeavesInOrderOnceItIsBack() throws Throwable {
        String aggregateId = "ornek-belediye:KPR-OUTAGE-" + UUID.randomUUID();
        List<String> idsInOutboxOrder = new java.util.ArrayList<>();
        KopruInfraResource.kafka().stop();
        try {
            for (int i = 0; i < 20; i++) {
                PaymentMade payment = payment("KPR-OUTAGE-" + UUID.randomUUID());
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                        () -> outbox.append(EventType.PAYMENT_MADE, aggregateId, payment)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> statistics.lastError() != null
                    && statistics.pending() >= 20);
            assertThat(count("SELECT count(*) FROM outbox_event WHERE record_key = $1", aggregateId)).isEqualTo(20);
            idsInOutboxOrder.addAll(idsInOutboxOrder(aggregateId));
            var readiness = outboxHealth.call();
            assertThat(readiness.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(readiness.getData().orElseThrow()).containsEntry("pending", 20L).containsKey("last_error");
        } finally {
            KopruInfraResource.kafka().restart();
        }

        List<ConsumerRecord<String, String>> records = awaitRecords(Topics.PAYMENT_MADE, aggregateId, 20);
        List<String> idsInTopicOrder = records.stream().map(r -> KafkaHeaders.text(r, CloudEventHeaders.ID))
                .distinct().toList();
        assertThat(idsInTopicOrder).hasSize(20).containsExactlyElementsOf(idsInOutboxOrder);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM outbox_event WHERE record_key = $1", aggregateId) == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> statistics.lastError() == null);
    }

    private Uni<Void> businessChange(PaymentMade payment) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO fixture_order (invoice_number, amount, channel) VALUES (:invoice, :amount, 'api')")
                .setParameter("invoice", payment.invoiceNumber())
                .setParameter("amount", payment.amount().amount())
                .executeUpdate()).replaceWithVoid();
    }

    private List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int count) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            ConsumerTask<String, String> records = companion.consumeStrings().fromTopics(topic);
            await().atMost(Duration.ofSeconds(60)).until(() -> matching(records, key).stream()
                    .map(r -> KafkaHeaders.text(r, CloudEventHeaders.ID)).distinct().count() >= count);
            records.stop();
            return matching(records, key);
        }
    }

    private static List<ConsumerRecord<String, String>> matching(ConsumerTask<String, String> records, String key) {
        return records.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    private List<String> idsInOutboxOrder(String aggregateId) {
        List<String> ids = new java.util.ArrayList<>();
        pool.preparedQuery("SELECT id FROM outbox_event WHERE record_key = $1 ORDER BY position")
                .execute(Tuple.of(aggregateId)).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> ids.add(row.getUUID("id").toString()));
        return ids;
    }

    private long fixtureOrders(String invoiceNumber) {
        return count("SELECT count(*) FROM fixture_order WHERE invoice_number = $1", invoiceNumber);
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private static java.util.Set<?> schemaProblems(JsonNode value) throws Exception {
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(
                EventType.PAYMENT_MADE.schemaResource())) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(ContractJson.mapper().readTree(in)).validate(value);
        }
    }

    static PaymentMade payment(String transactionNumber) {
        String invoice = (transactionNumber.replaceAll("[^0-9A-Z]", "") + "000000000000000000000000").substring(0, 24);
        return new PaymentMade("ornek-belediye", 31, transactionNumber, 90001234, "A", "000042", invoice, 7781200,
                Money.of("845.60"), LocalDate.of(2026, 11, 23), Instant.parse("2026-11-23T11:42:18.004Z"),
                PaymentChannel.API);
    }
}

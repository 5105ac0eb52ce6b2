package tr.kopru.collection;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tr.kopru.collection.service.CollectionMetrics;
import tr.kopru.collection.service.CollectionResolver;
import tr.kopru.model.Topics;
import tr.kopru.testsupport.KafkaHeaders;
import tr.kopru.testsupport.TopicRecords;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static tr.kopru.collection.CollectionCalls.api;
import static tr.kopru.collection.CollectionCalls.bookings;
import static tr.kopru.collection.CollectionCalls.calls;
import static tr.kopru.collection.CollectionCalls.collect;
import static tr.kopru.collection.CollectionCalls.data;
import static tr.kopru.collection.CollectionCalls.fault;
import static tr.kopru.collection.CollectionCalls.openInvoice;
import static tr.kopru.testsupport.Api.json;
import static tr.kopru.testsupport.Api.simulator;

/**
 * A collection FlexCity booked is never REJECTED, and every open outcome settles from FlexCity's own records: late
 * commits, errors after a commit, lost cancels, the settle window and the day-end sweep, Idempotency-Keys after a
 * refusal that was never sent, and one institution failing while another works. On the real broker and database,
 * against the simulator's fault modes.
 */
@QuarkusTest
class MoneyPathIT {

    private static final String ORNEK = "ornek-belediye";
    private static final String DENEME = "deneme-su";
    private static final String COLLECT = "flexcity/TahsilKaydiOlusturByFatura";

    @Inject
    Pool pool;

    @Inject
    CollectionResolver resolver;

    @Inject
    CollectionMetrics metrics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @AfterEach
    void clearFaults() {
        simulator().delete("/admin/faults").then().statusCode(200);
    }

    @Test
    void aLateCommitAfterTheResolversFirstQuestionEndsCollected() throws Exception {
        JsonNode invoice = openInvoice(ORNEK, false);
        // The client gives up after 2 s; FlexCity books 3 s after the call.
        fault("TahsilKaydiOlusturByFatura", "{\"commit_after_ms\": 3000, \"remaining\": 1}");
        long before = calls(COLLECT);

        JsonNode collection = data(collect(ORNEK, invoice, invoice.path("total").decimalValue(), null, null)
                .then().statusCode(202).extract().response());
        String id = collection.path("id").asText();
        resolve();
        api().get("/api/v1/collections/" + id).then().body("data.state", is("UNKNOWN"))
                .body("data.not_found_answers", is(1));
        collect(ORNEK, invoice, invoice.path("total").decimalValue(), null, null).then().statusCode(409);

        Thread.sleep(1500);
        resolve();

        api().get("/api/v1/collections/" + id).then().body("data.state", is("COLLECTED"))
                .body("data.history.to_state", contains("PENDING", "UNKNOWN", "COLLECTED"));
        assertThat(calls(COLLECT)).isEqualTo(before + 1);
        assertOnePaymentMade(collection, invoice);
    }

    @Test
    void anUnspecificErrorAfterACommitIsUnknownAndEndsCollected() {
        for (String error : new String[] {"0900", "http500"}) {
            JsonNode invoice = openInvoice(ORNEK, false);
            fault("TahsilKaydiOlusturByFatura", "{\"error_after_commit\": \"" + error + "\", \"remaining\": 1}");
            long before = calls(COLLECT);

            JsonNode collection = data(collect(ORNEK, invoice, invoice.path("total").decimalValue(), null, null)
                    .then().statusCode(202).extract().response());
            assertThat(collection.path("state").asText()).as(error).isEqualTo("UNKNOWN");
            collect(ORNEK, invoice, invoice.path("total").decimalValue(), null, null).then().statusCode(409);
            resolve();

            api().get("/api/v1/collections/" + collection.path("id").asText()).then()
                    .body("data.state", is("COLLECTED"));
            assertThat(calls(COLLECT)).as(error).isEqualTo(before + 1);
            assertOnePaymentMade(collection, invoice);
        }
    }

    @Test
    void anUnspecificErrorWithoutACommitIsRejectedOnlyAfterTheSettleWindowAndTheSweep() throws Exception {
        JsonNode invoice = openInvoice(ORNEK, true);
        LocalDate yesterday = LocalDate.now(CollectionCalls.TURKEY).minusDays(1);
        fault("TahsilKaydiOlusturByFatura", "{\"error\": \"0900\", \"remaining\": 1}");

        JsonNode collection = data(collect(ORNEK, invoice, invoice.path("total").decimalValue(), null, yesterday)
                .then().statusCode(202).extract().response());
        String id = collection.path("id").asText();
        assertThat(collection.path("result_code").asText()).isEqualTo("0900");
        resolve();
        resolve();
        // Two "not found" answers within a second prove nothing: still open, the invoice still held.
        api().get("/api/v1/collections/" + id).then().body("data.state", is("UNKNOWN"))
                .body("data.not_found_answers", is(2));
        collect(ORNEK, invoice, invoice.path("total").decimalValue(), null, yesterday).then().statusCode(409);

        Thread.sleep(1100);
        resolve();
        api().get("/api/v1/collections/" + id).then().body("data.state", is("REJECTED"))
                .body("data.result_code", is("0115"));

        api().contentType(ContentType.JSON).body("{\"collection_date\": \"" + yesterday + "\"}")
                .post("/api/v1/operations/sweeps").then().statusCode(200).body("data.rejected", is(1));
        api().get("/api/v1/collections/" + id).then().body("data.state", is("REJECTED"))
                .body("data.result_code", is("NOT_BOOKED"))
                .body("data.history.to_state", contains("PENDING", "UNKNOWN", "REJECTED", "REJECTED"));
        assertThat(events(Topics.PAYMENT_MADE, collection.path("transaction_number").asText(), 0)).isEmpty();
        assertThat(bookings(ORNEK, invoice)).isEmpty();
    }

    @Test
    void aCollectionTheResolverRejectedIsCollectedByTheSweepWhenTheDaysReceiptsListIt() {
        JsonNode invoice = openInvoice(ORNEK, true);
        LocalDate yesterday = LocalDate.now(CollectionCalls.TURKEY).minusDays(1);
        fault("TahsilKaydiOlusturByFatura", "{\"timeout_after_commit\": true, \"remaining\": 1}");
        JsonNode collection = data(collect(ORNEK, invoice, invoice.path("total").decimalValue(), null, yesterday)
                .then().statusCode(202).extract().response());
        // As if the resolver had been misled: FlexCity's booking stands, our row says REJECTED.
        pool.preparedQuery("UPDATE collection SET state = 'REJECTED', result_code = '0115' WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(collection.path("id").asText()))).await().indefinitely();

        api().contentType(ContentType.JSON).body("{\"collection_date\": \"" + yesterday + "\"}")
                .post("/api/v1/operations/sweeps").then().statusCode(200).body("data.collected", is(1));

        api().get("/api/v1/collections/" + collection.path("id").asText()).then().body("data.state", is("COLLECTED"));
        assertOnePaymentMade(collection, invoice);
    }

    @Test
    void aCancelAppliedWithItsAnswerLostEndsCancelledOnce() {
        JsonNode collected = collectedInvoice();
        String id = collected.path("id").asText();
        fault("TahsilKaydiIptalEt", "{\"timeout_after_commit\": true, \"remaining\": 1}");

        api().post("/api/v1/collections/" + id + "/cancel").then().statusCode(202)
                .body("data.state", is("CANCEL_UNKNOWN"));
        api().post("/api/v1/collections/" + id + "/cancel").then().statusCode(202)
                .body("data.state", is("CANCEL_UNKNOWN"));
        resolve();

        api().get("/api/v1/collections/" + id).then().body("data.state", is("CANCELLED"))
                .body("data.history.to_state", contains("PENDING", "COLLECTED", "CANCELLING", "CANCEL_UNKNOWN",
                        "CANCELLED"));
        assertOnePaymentCancelled(collected);
    }

    @Test
    void aCancelLostBeforeItWasAppliedIsSentAgainAndEndsCancelledOnce() {
        JsonNode collected = collectedInvoice();
        String id = collected.path("id").asText();
        fault("TahsilKaydiIptalEt", "{\"drop_before_commit\": true, \"remaining\": 1}");
        long before = calls("flexcity/TahsilKaydiIptalEt");

        api().post("/api/v1/collections/" + id + "/cancel").then().statusCode(202)
                .body("data.state", is("CANCEL_UNKNOWN"));
        resolve();

        api().get("/api/v1/collections/" + id).then().body("data.state", is("CANCELLED"));
        assertThat(calls("flexcity/TahsilKaydiIptalEt")).isEqualTo(before + 2);
        assertOnePaymentCancelled(collected);
    }

    @Test
    void aPaidOnBeyondTheBackdateLimitIsRefusedBeforeFlexCityIsAsked() {
        JsonNode invoice = openInvoice(ORNEK, false);
        long before = calls(COLLECT);

        collect(ORNEK, invoice, invoice.path("total").decimalValue(), null,
                LocalDate.now(CollectionCalls.TURKEY).minusDays(6)).then().statusCode(422)
                .body("errors", hasKey("paid_on"))
                .body("errors.paid_on[0]", containsString("at most 5 days back"));
        assertThat(calls(COLLECT)).isEqualTo(before);
    }

    @Test
    void aRetryWithItsKeyAfterANotSentRefusalBooksOnceTheBreakerClosedAndOtherInstitutionsNeverStopped()
            throws Exception {
        // deneme-su's FlexCity fails four writes in a row: its breaker opens; ornek-belediye's does not.
        fault("TahsilKaydiOlusturByFatura", "{\"error\": \"http500\", \"target\": \"" + DENEME + "\", \"remaining\": 4}");
        for (int i = 0; i < 4; i++) {
            JsonNode failing = openInvoice(DENEME, false);
            collect(DENEME, failing, failing.path("total").decimalValue(), null, null).then().statusCode(202)
                    .body("data.state", is("UNKNOWN"));
        }
        JsonNode invoice = openInvoice(DENEME, false);
        String key = UUID.randomUUID().toString();
        long before = calls(COLLECT);

        collect(DENEME, invoice, invoice.path("total").decimalValue(), key, null).then().statusCode(503)
                .body("message", containsString("not sent"));
        assertThat(calls(COLLECT)).isEqualTo(before);
        JsonNode other = openInvoice(ORNEK, false);
        collect(ORNEK, other, other.path("total").decimalValue(), null, null).then().statusCode(201);

        Thread.sleep(2200);
        Response retried = collect(DENEME, invoice, invoice.path("total").decimalValue(), key, null);
        retried.then().statusCode(201).body("data.state", is("COLLECTED"));
        collect(DENEME, invoice, invoice.path("total").decimalValue(), key, null).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("data.id", is(data(retried).path("id").asText()));
        assertThat(count("SELECT count(*) FROM collection WHERE invoice_number = $1 AND result_code = 'NOT_SENT'",
                invoice.path("invoice_number").asText())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM collection WHERE invoice_number = $1 AND state = 'COLLECTED'",
                invoice.path("invoice_number").asText())).isEqualTo(1);
        assertOneBooking(data(retried), invoice);
    }

    @Test
    void aQuestionThatCouldNotBeAskedWhileTheReadBreakerWasOpenUsesUpNoAttempt() throws Exception {
        JsonNode invoice = openInvoice(DENEME, false);
        fault("TahsilKaydiOlusturByFatura", "{\"timeout_after_commit\": true, \"remaining\": 1}");
        JsonNode collection = data(collect(DENEME, invoice, invoice.path("total").decimalValue(), null, null)
                .then().statusCode(202).extract().response());
        String id = collection.path("id").asText();
        // Four reads of deneme-su without an answer open its read breaker.
        fault("FindBorcSorgu", "{\"error\": \"http500\", \"target\": \"" + DENEME + "\"}");
        for (int i = 0; i < 4; i++) {
            api().get("/api/v1/institutions/" + DENEME + "/debts?declaration_id="
                    + invoice.path("declaration_id").asLong());
        }

        resolve();
        api().get("/api/v1/collections/" + id).then().body("data.state", is("UNKNOWN"))
                .body("data.resolve_attempts", is(0)).body("data.needs_operator", is(false));

        Thread.sleep(2200);
        resolve();
        api().get("/api/v1/collections/" + id).then().body("data.state", is("COLLECTED"));
    }

    @Test
    void theSameKeyAndBodyAfterMidnightIsAReplayNotAConflict() {
        JsonNode invoice = openInvoice(ORNEK, false);
        String key = UUID.randomUUID().toString();
        JsonNode first = data(collect(ORNEK, invoice, invoice.path("total").decimalValue(), key, null)
                .then().statusCode(201).extract().response());

        TestClock.shift(Duration.ofDays(1));
        try {
            Response again = collect(ORNEK, invoice, invoice.path("total").decimalValue(), key, null);
            again.then().statusCode(201).header("Idempotent-Replayed", "true");
            assertThat(data(again)).isEqualTo(first);
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void theMoneyFiguresAreMetricsWithUnitsAndDescriptions() {
        JsonNode invoice = openInvoice(ORNEK, false);
        fault("TahsilKaydiOlusturByFatura", "{\"timeout_ms\": 5000, \"remaining\": 1}");
        collect(ORNEK, invoice, invoice.path("total").decimalValue(), null, null).then().statusCode(202);
        metrics.refresh().await().atMost(Duration.ofSeconds(10));

        String scraped = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scraped).contains("# HELP kopru_today_collections Collections started today")
                .contains("kopru_open_collections{state=\"UNKNOWN\"}")
                .contains("# HELP kopru_operator_collections")
                .contains("# HELP kopru_sweep_anomaly_receipts")
                .contains("# HELP kopru_autopay_failed_attempts Auto-pay attempts that did not collect")
                .contains("# HELP kopru_collections_transitions State changes of collections");
        double oldestUnknown = scraped.lines().filter(l -> l.startsWith(
                        "kopru_collections_oldest_open_age_seconds{state=\"UNKNOWN\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
        assertThat(oldestUnknown).isPositive();
    }

    @Test
    void anOperatorSettlesByHandOnlyWhatFlexCitysRecordsConfirm() {
        JsonNode invoice = openInvoice(ORNEK, false);
        fault("TahsilKaydiOlusturByFatura", "{\"timeout_after_commit\": true, \"remaining\": 1}");
        JsonNode collection = data(collect(ORNEK, invoice, invoice.path("total").decimalValue(), null, null)
                .then().statusCode(202).extract().response());
        String id = collection.path("id").asText();

        api().get("/api/v1/operations/collections?limit=500").then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.hasItem(id));
        api().contentType(ContentType.JSON).body("{\"outcome\": \"REJECTED\", \"reason\": \"customer says no\"}")
                .post("/api/v1/operations/collections/" + id + "/settle").then().statusCode(409)
                .body("message", containsString("has a booking"));
        api().contentType(ContentType.JSON).body("{\"outcome\": \"COLLECTED\"}")
                .post("/api/v1/operations/collections/" + id + "/settle").then().statusCode(422)
                .body("errors", hasKey("reason"));
        api().contentType(ContentType.JSON).body("{\"outcome\": \"COLLECTED\", \"reason\": \"receipt seen\"}")
                .post("/api/v1/operations/collections/" + id + "/settle").then().statusCode(200)
                .body("data.state", is("COLLECTED"));

        api().get("/api/v1/collections/" + id).then()
                .body("data.history[2].reason", containsString("receipt seen"))
                .body("data.history[2].actor", is("Collection Tests"));
        assertOnePaymentMade(collection, invoice);
        io.restassured.RestAssured.given().header("X-API-Key", "collection-read-key-not-secret")
                .get("/api/v1/operations/collections").then().statusCode(403);
    }

    @Test
    void anOperatorsAskNowSettlesALostAnswerAndTheHistoryNamesThem() {
        JsonNode invoice = openInvoice(ORNEK, false);
        fault("TahsilKaydiOlusturByFatura", "{\"timeout_after_commit\": true, \"remaining\": 1}");
        JsonNode collection = data(collect(ORNEK, invoice, invoice.path("total").decimalValue(), null, null)
                .then().statusCode(202).extract().response());
        String id = collection.path("id").asText();

        api().header("X-On-Behalf-Of", "ayse.k").post("/api/v1/operations/collections/" + id + "/ask").then()
                .statusCode(200).body("data.state", is("COLLECTED"));
        api().get("/api/v1/collections/" + id).then()
                .body("data.history[-1].to_state", is("COLLECTED"))
                .body("data.history[-1].reason", containsString("FlexCity has the booking"))
                .body("data.history[-1].actor", is("Collection Tests / ayse.k"));
        api().post("/api/v1/operations/collections/" + id + "/ask").then().statusCode(409);
        assertOnePaymentMade(collection, invoice);
    }

    // ---- helpers ----

    private void resolve() {
        resolver.resolveDueNow().await().atMost(Duration.ofSeconds(30));
    }

    private JsonNode collectedInvoice() {
        JsonNode invoice = openInvoice(ORNEK, false);
        return data(collect(ORNEK, invoice, invoice.path("total").decimalValue(), null, null)
                .then().statusCode(201).extract().response());
    }

    /** Exactly one booking at FlexCity, and exactly one payment-made with what a direct success publishes. */
    private void assertOnePaymentMade(JsonNode collection, JsonNode invoice) {
        assertOneBooking(collection, invoice);
        String transaction = collection.path("transaction_number").asText();
        List<ConsumerRecord<String, String>> events = events(Topics.PAYMENT_MADE, transaction, 1);
        assertThat(events).hasSize(1);
        assertThat(KafkaHeaders.text(events.get(0), "ce_type")).isEqualTo("tr.kopru.collection.payment-made.v1");
        JsonNode payload = json(events.get(0).value());
        JsonNode stored = data(api().get("/api/v1/collections/" + collection.path("id").asText()));
        assertThat(payload.path("invoice_number").asText()).isEqualTo(invoice.path("invoice_number").asText());
        assertThat(payload.path("amount").decimalValue()).isEqualByComparingTo(invoice.path("total").decimalValue());
        assertThat(payload.path("upstream_collection_id").asLong()).isPositive()
                .isEqualTo(stored.path("upstream_collection_id").asLong());
        assertThat(payload.path("receipt_number").asText()).isEqualTo(stored.path("receipt_number").asText());
    }

    private static void assertOneBooking(JsonNode collection, JsonNode invoice) {
        JsonNode bookings = bookings(collection.path("institution").asText(), invoice);
        assertThat(bookings).hasSize(1);
        assertThat(bookings.get(0).path("transaction_no").asText())
                .isEqualTo(collection.path("transaction_number").asText());
    }

    private void assertOnePaymentCancelled(JsonNode collected) {
        List<ConsumerRecord<String, String>> cancelled = events(Topics.PAYMENT_CANCELLED,
                collected.path("transaction_number").asText(), 1);
        assertThat(cancelled).hasSize(1);
        assertThat(json(cancelled.get(0).value()).path("upstream_collection_id").asLong())
                .isEqualTo(collected.path("upstream_collection_id").asLong());
    }

    private List<ConsumerRecord<String, String>> events(String topic, String key, int expected) {
        return TopicRecords.read(bootstrapServers, topic, r -> key.equals(r.key()), expected, Duration.ofSeconds(4),
                Duration.ofMillis(700));
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}

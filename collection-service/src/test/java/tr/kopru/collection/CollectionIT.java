package tr.kopru.collection;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tr.kopru.collection.service.CollectionResolver;
import tr.kopru.model.Topics;
import tr.kopru.runtime.tracing.TraceContext;
import tr.kopru.runtime.tracing.Tracing;
import tr.kopru.testsupport.TopicRecords;
import tr.kopru.testsupport.KafkaHeaders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static tr.kopru.testsupport.Api.simulator;
import static tr.kopru.testsupport.Api.json;

/**
 * Collecting and cancelling against the simulated FlexCity, on the real broker and database: one payment-made per
 * collection, a lost answer resolved without a second booking, Idempotency-Key replays, the upstream's refusals,
 * same-day and next-day cancels, and input checked before FlexCity is asked.
 */
@QuarkusTest
class CollectionIT {

    private static final String INSTITUTION = "ornek-belediye";
    private static final ZoneId TURKEY = CollectionCalls.TURKEY;

    @Inject
    Pool pool;

    @Inject
    CollectionResolver resolver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InMemorySpanExporter spans;

    @AfterEach
    void clearFaults() {
        simulator().delete("/admin/faults").then().statusCode(200);
    }

    @Test
    void aCollectionIsBookedOnceAndPublishesExactlyOnePaymentMade() {
        JsonNode invoice = openInvoice(false);
        long before = calls("flexcity/TahsilKaydiOlusturByFatura");

        JsonNode collection = data(collect(invoice, invoice.path("total").decimalValue(), null)
                .then().statusCode(201).extract().response());

        assertThat(collection.path("state").asText()).isEqualTo("COLLECTED");
        assertThat(collection.path("upstream_collection_id").asLong()).isPositive();
        assertThat(collection.path("receipt_serial").asText()).isEqualTo("KP");
        assertThat(calls("flexcity/TahsilKaydiOlusturByFatura")).isEqualTo(before + 1);
        assertThat(stateInDatabase(collection.path("id").asText())).isEqualTo("COLLECTED");

        String transaction = collection.path("transaction_number").asText();
        List<ConsumerRecord<String, String>> events = events(Topics.PAYMENT_MADE, transaction, 1);
        assertThat(events).hasSize(1);
        ConsumerRecord<String, String> event = events.get(0);
        assertThat(KafkaHeaders.text(event, "ce_type")).isEqualTo("tr.kopru.collection.payment-made.v1");
        assertThat(KafkaHeaders.text(event, "ce_subject")).isEqualTo(transaction);
        JsonNode payload = json(event.value());
        assertThat(payload.path("invoice_number").asText()).isEqualTo(invoice.path("invoice_number").asText());
        assertThat(payload.path("amount").decimalValue()).isEqualByComparingTo(invoice.path("total").decimalValue());
        assertThat(payload.path("upstream_collection_id").asLong())
                .isEqualTo(collection.path("upstream_collection_id").asLong());
        assertThat(payload.path("channel").asText()).isEqualTo("api");
    }

    @Test
    void collectionsAreListedByChannelCountingExactly() {
        JsonNode invoice = openInvoice(false);
        collect(invoice, invoice.path("total").decimalValue(), null).then().statusCode(201);
        String number = invoice.path("invoice_number").asText();

        given().header("X-API-Key", CollectionCalls.KEY)
                .get("/api/v1/collections?channel=api&invoice_number=" + number).then().statusCode(200)
                .body("pagination.total_count", is(1)).body("data[0].channel", is("api"));
        given().header("X-API-Key", CollectionCalls.KEY)
                .get("/api/v1/collections?channel=standing_instruction&institution=" + INSTITUTION
                        + "&invoice_number=" + number).then().statusCode(200).body("pagination.total_count", is(0));
        given().header("X-API-Key", CollectionCalls.KEY).get("/api/v1/collections?channel=cash")
                .then().statusCode(422).body("errors", hasKey("channel"));
    }

    @Test
    void aCollectionsRequestItsFlexCityCallAndItsPaymentMadeAreOneTrace() {
        JsonNode invoice = openInvoice(false);
        JsonNode collection = data(collect(invoice, invoice.path("total").decimalValue(), null)
                .then().statusCode(201).extract().response());

        ConsumerRecord<String, String> event = events(Topics.PAYMENT_MADE,
                collection.path("transaction_number").asText(), 1).get(0);
        String traceparent = KafkaHeaders.text(event, "traceparent");
        String traceId = TraceContext.traceId(traceparent);
        assertThat(traceId).as("payment-made carries a W3C traceparent: %s", traceparent).isNotNull();

        List<SpanData> trace = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId)).toList(), found -> found.stream()
                .anyMatch(span -> span.getKind() == SpanKind.SERVER) && found.stream()
                .anyMatch(span -> span.getKind() == SpanKind.PRODUCER));
        SpanData request = trace.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(request.getName()).isEqualTo("POST /api/v1/collections");
        assertThat(request.getParentSpanContext().isValid()).as("the request starts the trace").isFalse();
        assertThat(trace).anySatisfy(span -> {
            assertThat(span.getName()).isEqualTo("FlexCity TahsilKaydiOlusturByFatura");
            assertThat(span.getAttributes().get(Tracing.UPSTREAM_TARGET)).isEqualTo(INSTITUTION);
            assertThat(span.getParentSpanId()).isEqualTo(request.getSpanId());
        });
        SpanData publish = trace.stream().filter(span -> span.getKind() == SpanKind.PRODUCER).findFirst().orElseThrow();
        assertThat(publish.getName()).isEqualTo("payment-made publish");
        assertThat(publish.getAttributes().get(Tracing.MESSAGE_ID)).isEqualTo(KafkaHeaders.text(event, "ce_id"));
        assertThat(publish.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(traceparent).as("the consumers continue from the publish span").contains(publish.getSpanId());
    }

    @Test
    void aLostAnswerIsUnknownUntilTheResolverFindsTheBookingWithoutBookingTwice() {
        JsonNode invoice = openInvoice(false);
        simulator().contentType(ContentType.JSON).body("{\"timeout_after_commit\": true, \"remaining\": 1}")
                .put("/admin/faults/flexcity/TahsilKaydiOlusturByFatura").then().statusCode(200);
        long before = calls("flexcity/TahsilKaydiOlusturByFatura");

        JsonNode collection = data(collect(invoice, invoice.path("total").decimalValue(), null)
                .then().statusCode(202).extract().response());
        assertThat(collection.path("state").asText()).isEqualTo("UNKNOWN");
        String id = collection.path("id").asText();

        // While its outcome is open, the invoice cannot be collected again.
        collect(invoice, invoice.path("total").decimalValue(), null).then().statusCode(409)
                .body("message", containsString("in progress"));

        assertThat(resolver.resolveDueNow().await().atMost(Duration.ofSeconds(20))).isGreaterThanOrEqualTo(1);

        api().get("/api/v1/collections/" + id).then().statusCode(200)
                .body("data.state", is("COLLECTED"))
                .body("data.history.to_state", org.hamcrest.Matchers.contains("PENDING", "UNKNOWN", "COLLECTED"));
        assertThat(calls("flexcity/TahsilKaydiOlusturByFatura")).isEqualTo(before + 1);
        assertThat(events(Topics.PAYMENT_MADE, collection.path("transaction_number").asText(), 1)).hasSize(1);
    }

    @Test
    void aResolverThatFindsNoBookingRejectsTheCollectionOnlyAfterTheSettleWindow() throws Exception {
        JsonNode invoice = openInvoice(false);
        // The request never reaches FlexCity's booking: the connection times out before it is processed.
        simulator().contentType(ContentType.JSON).body("{\"timeout_ms\": 5000, \"remaining\": 1}")
                .put("/admin/faults/flexcity/TahsilKaydiOlusturByFatura").then().statusCode(200);

        JsonNode collection = data(collect(invoice, invoice.path("total").decimalValue(), null)
                .then().statusCode(202).extract().response());
        String id = collection.path("id").asText();
        // One "not found" is no proof: the collection stays UNKNOWN and keeps its invoice.
        resolver.resolveDueNow().await().atMost(Duration.ofSeconds(20));
        api().get("/api/v1/collections/" + id).then().statusCode(200)
                .body("data.state", is("UNKNOWN")).body("data.not_found_answers", is(1));
        collect(invoice, invoice.path("total").decimalValue(), null).then().statusCode(409);

        for (int i = 0; i < 3; i++) {
            Thread.sleep(600);
            resolver.resolveDueNow().await().atMost(Duration.ofSeconds(20));
        }

        api().get("/api/v1/collections/" + id).then().statusCode(200)
                .body("data.state", is("REJECTED")).body("data.result_code", is("0115"));
        assertThat(events(Topics.PAYMENT_MADE, collection.path("transaction_number").asText(), 0)).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyBooksOnceAndADifferentBodyWithItConflicts() {
        JsonNode invoice = openInvoice(false);
        String key = UUID.randomUUID().toString();
        long before = calls("flexcity/TahsilKaydiOlusturByFatura");

        JsonNode first = data(collect(invoice, invoice.path("total").decimalValue(), key)
                .then().statusCode(201).extract().response());
        Response again = collect(invoice, invoice.path("total").decimalValue(), key);
        // The first answer again: its status and body.
        again.then().statusCode(201).header("Idempotent-Replayed", "true");

        assertThat(data(again)).isEqualTo(first);
        assertThat(calls("flexcity/TahsilKaydiOlusturByFatura")).isEqualTo(before + 1);
        collect(invoice, invoice.path("total").decimalValue().add(BigDecimal.ONE), key).then().statusCode(409)
                .body("message", containsString("different request"));
        assertThat(events(Topics.PAYMENT_MADE, first.path("transaction_number").asText(), 1)).hasSize(1);
    }

    @Test
    void requestsForTheSameInvoiceAtTheSameMomentBookItOnce() throws Exception {
        JsonNode invoice = openInvoice(false);
        long before = calls("flexcity/TahsilKaydiOlusturByFatura");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Integer> statuses;
        try {
            List<Future<Integer>> answers = callers.invokeAll(Collections.nCopies(8,
                    () -> collect(invoice, invoice.path("total").decimalValue(), null).statusCode()));
            statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(calls("flexcity/TahsilKaydiOlusturByFatura")).isEqualTo(before + 1);
        assertThat(count("SELECT count(*) FROM collection WHERE invoice_number = $1",
                invoice.path("invoice_number").asText())).isEqualTo(1);
    }

    @Test
    void aRefusedCollectionRepeatedWithItsKeyIsReplayedNotSentAgain() {
        JsonNode invoice = openInvoice(false);
        BigDecimal wrong = invoice.path("total").decimalValue().add(new BigDecimal("1.00"));
        String key = UUID.randomUUID().toString();
        long calls = calls("flexcity/TahsilKaydiOlusturByFatura") + 1;
        String first = collect(invoice, wrong, key).then().statusCode(409).extract().asString();

        // The retry gets the first answer again, status and body, not a 200.
        Response again = collect(invoice, wrong, key);
        again.then().statusCode(409).header("Idempotent-Replayed", "true");
        assertThat(json(again.asString())).isEqualTo(json(first));
        assertThat(calls("flexcity/TahsilKaydiOlusturByFatura")).isEqualTo(calls);
        assertThat(count("SELECT count(*) FROM collection WHERE invoice_number = $1 AND result_code = '0512'",
                invoice.path("invoice_number").asText())).isEqualTo(1);
    }

    @Test
    void aWrongAmountIsAConflictThatNamesTheCurrentTotal() {
        JsonNode invoice = openInvoice(false);
        BigDecimal total = invoice.path("total").decimalValue();

        collect(invoice, total.add(new BigDecimal("1.00")), null).then().statusCode(409)
                .body("errors", hasKey("amount"))
                .body("errors.amount[0]", containsString(total.toPlainString()));
        assertThat(count("SELECT count(*) FROM collection WHERE invoice_number = $1 AND state = 'REJECTED' "
                + "AND result_code = '0512'", invoice.path("invoice_number").asText())).isEqualTo(1);
    }

    @Test
    void anInvoicePaidElsewhereIsAConflictAndIsMarkedSettled() {
        JsonNode invoice = openInvoice(false);
        simulator().contentType(ContentType.JSON)
                .body("{\"desk_id\": 32, \"invoice_number\": \"" + invoice.path("invoice_number").asText() + "\"}")
                .post("/admin/flexcity/" + INSTITUTION + "/collections").then().statusCode(200);

        collect(invoice, invoice.path("total").decimalValue(), null).then().statusCode(409)
                .body("message", containsString("outside Köprü"));
        long calls = calls("flexcity/TahsilKaydiOlusturByFatura");
        collect(invoice, invoice.path("total").decimalValue(), null).then().statusCode(409)
                .body("message", containsString("another channel"));
        assertThat(calls("flexcity/TahsilKaydiOlusturByFatura")).isEqualTo(calls);
        assertThat(count("SELECT count(*) FROM settled_invoice WHERE invoice_number = $1",
                invoice.path("invoice_number").asText())).isEqualTo(1);
    }

    @Test
    void aSameDayCancelPublishesPaymentCancelledAndIsSafeToRepeat() {
        JsonNode invoice = openInvoice(false);
        JsonNode collection = data(collect(invoice, invoice.path("total").decimalValue(), null)
                .then().statusCode(201).extract().response());
        String id = collection.path("id").asText();

        api().post("/api/v1/collections/" + id + "/cancel").then().statusCode(200).body("data.state", is("CANCELLED"));
        api().post("/api/v1/collections/" + id + "/cancel").then().statusCode(200).body("data.state", is("CANCELLED"));

        List<ConsumerRecord<String, String>> cancelled = events(Topics.PAYMENT_CANCELLED,
                collection.path("transaction_number").asText(), 1);
        assertThat(cancelled).hasSize(1);
        assertThat(json(cancelled.get(0).value()).path("upstream_collection_id").asLong())
                .isEqualTo(collection.path("upstream_collection_id").asLong());
    }

    @Test
    void aCollectionOfAnEarlierDayCannotBeCancelled() {
        JsonNode invoice = openInvoice(true);
        LocalDate yesterday = LocalDate.now(TURKEY).minusDays(1);
        JsonNode collection = data(api().contentType(ContentType.JSON).body(body(invoice,
                        invoice.path("total").decimalValue(), yesterday))
                .post("/api/v1/collections").then().statusCode(201).extract().response());
        assertThat(collection.path("collection_date").asText()).isEqualTo(yesterday.toString());

        api().post("/api/v1/collections/" + collection.path("id").asText() + "/cancel").then().statusCode(409)
                .body("message", containsString("only be cancelled on its collection day"));
        assertThat(stateInDatabase(collection.path("id").asText())).isEqualTo("COLLECTED");
    }

    @Test
    void badInputIsRefusedBeforeFlexCityIsAsked() {
        long before = calls("flexcity/FindAllSbsMuhatapGenel");
        api().get("/api/v1/institutions/" + INSTITUTION + "/taxpayers?national_id=12345678901").then().statusCode(422)
                .body("errors", hasKey("national_id"));
        api().get("/api/v1/institutions/" + INSTITUTION + "/taxpayers?tax_number=6960107008").then().statusCode(422)
                .body("errors", hasKey("tax_number"));
        api().get("/api/v1/institutions/" + INSTITUTION + "/taxpayers").then().statusCode(422)
                .body("errors", hasKey("national_id")).body("errors", hasKey("tax_number"));
        assertThat(calls("flexcity/FindAllSbsMuhatapGenel")).isEqualTo(before);

        api().contentType(ContentType.JSON).body("{\"institution\": \"" + INSTITUTION + "\", \"invoice_number\": "
                        + "\"12345\", \"declaration_id\": 1, \"amount\": -3}")
                .post("/api/v1/collections").then().statusCode(422)
                .body("errors", hasKey("invoice_number")).body("errors", hasKey("amount"));
        api().contentType(ContentType.JSON).body("{\"institution\": \"nowhere\", \"invoice_number\": "
                        + "\"123456789012345678901234\", \"declaration_id\": 1, \"amount\": 3}")
                .post("/api/v1/collections").then().statusCode(404);
    }

    @Test
    void debtsOfADeclarationAreListedPerInvoiceWithTheirTotal() {
        JsonNode invoice = openInvoice(false);
        JsonNode debts = data(api().get("/api/v1/institutions/" + INSTITUTION + "/debts?declaration_id="
                + invoice.path("declaration_id").asLong()).then().statusCode(200).extract().response());
        JsonNode listed = null;
        for (JsonNode debt : debts) {
            if (debt.path("invoice_number").asText().equals(invoice.path("invoice_number").asText())) {
                listed = debt;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("total").decimalValue()).isEqualByComparingTo(invoice.path("total").decimalValue());
        assertThat(listed.path("debt").decimalValue().add(listed.path("late_surcharge").decimalValue()))
                .isEqualByComparingTo(listed.path("total").decimalValue());

        JsonNode bulk = data(api().contentType(ContentType.JSON)
                .body("{\"declaration_ids\": [" + invoice.path("declaration_id").asLong() + "]}")
                .post("/api/v1/institutions/" + INSTITUTION + "/debts/bulk").then().statusCode(200).extract().response());
        assertThat(bulk.findValuesAsText("invoice_number")).contains(invoice.path("invoice_number").asText());
    }

    @Test
    void aReadOnlyKeyCannotCollect() {
        JsonNode invoice = openInvoice(false);
        given().header("X-API-Key", "collection-read-key-not-secret").contentType(ContentType.JSON)
                .body(body(invoice, invoice.path("total").decimalValue(), null))
                .post("/api/v1/collections").then().statusCode(403);
    }

    // ---- helpers ----

    private static JsonNode openInvoice(boolean notOverdue) {
        return CollectionCalls.openInvoice(INSTITUTION, notOverdue);
    }

    private static Response collect(JsonNode invoice, BigDecimal amount, String idempotencyKey) {
        return CollectionCalls.collect(INSTITUTION, invoice, amount, idempotencyKey, null);
    }

    private static String body(JsonNode invoice, BigDecimal amount, LocalDate paidOn) {
        return CollectionCalls.body(INSTITUTION, invoice, amount, paidOn);
    }

    private List<ConsumerRecord<String, String>> events(String topic, String key, int expected) {
        return TopicRecords.read(bootstrapServers, topic, r -> key.equals(r.key()), expected, Duration.ofSeconds(4),
                Duration.ofMillis(700));
    }

    private long calls(String method) {
        return CollectionCalls.calls(method);
    }

    private String stateInDatabase(String id) {
        return pool.preparedQuery("SELECT state FROM collection WHERE id = $1").execute(Tuple.of(UUID.fromString(id)))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getString("state");
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private static RequestSpecification api() {
        return CollectionCalls.api();
    }

    private static JsonNode data(Response response) {
        return CollectionCalls.data(response);
    }
}

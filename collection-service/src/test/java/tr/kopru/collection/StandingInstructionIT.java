package tr.kopru.collection;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tr.kopru.collection.service.MergeSync;
import tr.kopru.model.Topics;
import tr.kopru.testsupport.TopicRecords;
import tr.kopru.testsupport.KafkaHeaders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static tr.kopru.testsupport.Api.simulator;
import static tr.kopru.testsupport.Api.data;
import static tr.kopru.testsupport.Api.json;
import static tr.kopru.testsupport.Api.as;

/**
 * Standing instructions against the simulated FlexCity: a scan announces each unpaid invoice once (debt-found),
 * pays it at once for an auto-pay instruction, skips paused instructions, and taxpayer merges move instructions.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandingInstructionIT {

    private static final String KEY = "collection-test-key-not-secret";
    private static final String INSTITUTION = "deneme-su";
    private static final List<JsonNode> INVOICES = new ArrayList<>();
    private static final List<String> INSTRUCTIONS = new ArrayList<>();
    private static String autoPaid;

    @Inject
    Pool pool;

    @Inject
    MergeSync merges;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    @Order(1)
    void instructionsAreRegisteredByDeclarationOrBySubscriberAndBadOnesAreRefused() {
        for (int i = 0; i < 7; i++) {
            INVOICES.add(CollectionCalls.openDeclaration(INSTITUTION).get(0));
        }
        // Six announce-only instructions, and one that pays at once.
        for (JsonNode invoice : INVOICES) {
            boolean pays = INSTRUCTIONS.size() == 6;
            JsonNode created = data(api().contentType(ContentType.JSON).body("{\"institution\": \"" + INSTITUTION
                            + "\", \"declaration_id\": " + invoice.path("declaration_id").asLong()
                            + ", \"auto_collect\": " + pays + "}")
                    .post("/api/v1/standing-instructions").then().statusCode(201).extract().asString());
            assertThat(created.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(created.path("taxpayer_id").asLong()).isPositive();
            INSTRUCTIONS.add(created.path("id").asText());
            if (pays) {
                autoPaid = invoice.path("declaration_id").asText();
            }
        }
        api().contentType(ContentType.JSON).body("{\"institution\": \"" + INSTITUTION + "\", \"declaration_id\": "
                + INVOICES.get(0).path("declaration_id").asLong() + "}")
                .post("/api/v1/standing-instructions").then().statusCode(409);
        api().contentType(ContentType.JSON).body("{\"institution\": \"" + INSTITUTION + "\", \"scan_every_days\": 7}")
                .post("/api/v1/standing-instructions").then().statusCode(422)
                .body("errors", hasKey("declaration_id")).body("errors", hasKey("scan_every_days"));
        api().contentType(ContentType.JSON).body("{\"institution\": \"" + INSTITUTION + "\", \"declaration_id\": 42}")
                .post("/api/v1/standing-instructions").then().statusCode(422).body("errors", hasKey("declaration_id"));
    }

    @Test
    @Order(2)
    void aScanAnnouncesEachUnpaidInvoiceOnceAndPaysForAutoPayInstructions() {
        JsonNode run = scanToEnd();
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("instructions_scanned").asLong()).isEqualTo(7);
        long found = run.path("debts_found").asLong();
        assertThat(found).isEqualTo(run.path("invoices_seen").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(run.path("collections_started").asLong()).isPositive();

        List<ConsumerRecord<String, String>> events = debtFound(found);
        assertThat(events).hasSize((int) found);
        assertThat(events.stream().map(e -> json(e.value()).path("invoice_number").asText()).distinct()).hasSize((int) found);
        ConsumerRecord<String, String> first = events.get(0);
        assertThat(KafkaHeaders.text(first, "ce_type")).isEqualTo("tr.kopru.collection.debt-found.v1");
        JsonNode payload = json(first.value());
        assertThat(payload.path("total").decimalValue()).isEqualByComparingTo(
                payload.path("debt_amount").decimalValue().add(payload.path("late_surcharge").decimalValue()));

        api().get("/api/v1/collections?institution=" + INSTITUTION).then().statusCode(200)
                .body("data.findAll { it.declaration_id == " + autoPaid + " }.channel[0]", is("standing_instruction"))
                .body("data.findAll { it.declaration_id == " + autoPaid + " }.state[0]", is("COLLECTED"));
    }

    @Test
    @Order(3)
    void aSecondScanAnnouncesNothingNewAndPausedInstructionsAreSkipped() {
        long before = debtFound(0).size();
        api().post("/api/v1/standing-instructions/" + INSTRUCTIONS.get(0) + "/pause").then().statusCode(200)
                .body("data.status", is("PAUSED"));

        JsonNode run = scanToEnd();
        assertThat(run.path("instructions_scanned").asLong()).isEqualTo(6);
        assertThat(run.path("debts_found").asLong()).isZero();
        assertThat(debtFound(0)).hasSize((int) before);

        api().delete("/api/v1/standing-instructions/" + INSTRUCTIONS.get(1)).then().statusCode(200)
                .body("data.status", is("DELETED"));
        api().get("/api/v1/standing-instructions?institution=" + INSTITUTION + "&status=ACTIVE").then().statusCode(200)
                .body("pagination.total_count", is(5));
    }

    @Test
    @Order(4)
    void aMergeMovesTheInstructionsOfItsDeclarationAndASplitMovesNoneButIsRecorded() {
        JsonNode merge = mergeWithStatus("BIRLESTIRILDI");
        JsonNode split = mergeWithStatus("AYRILDI");
        UUID onMerged = instructionOn(merge.path("declaration_id").asLong());
        UUID onSplit = instructionOn(split.path("declaration_id").asLong());
        UUID elsewhere = INSTRUCTIONS.subList(2, INSTRUCTIONS.size()).stream().map(UUID::fromString)
                .filter(id -> !id.equals(onMerged) && !id.equals(onSplit)).findFirst().orElseThrow();
        long merged = merge.path("old_taxpayer_id").asLong();
        // As if registered under the taxpayer ids FlexCity later merged away or split.
        setTaxpayer(onMerged, merged);
        setTaxpayer(elsewhere, merged);
        setTaxpayer(onSplit, split.path("old_taxpayer_id").asLong());

        assertThat(merges.applyAll().await().atMost(Duration.ofSeconds(20))).isEqualTo(1);

        assertThat(taxpayerOf(onMerged)).isEqualTo(merge.path("new_taxpayer_id").asLong());
        assertThat(taxpayerOf(elsewhere)).as("another declaration of the merged taxpayer stays").isEqualTo(merged);
        assertThat(taxpayerOf(onSplit)).as("a split moves nothing").isEqualTo(split.path("old_taxpayer_id").asLong());
        assertThat(pool.preparedQuery("SELECT instructions FROM applied_merge WHERE institution = $1 "
                        + "AND old_taxpayer_id = $2 AND status = 'AYRILDI'")
                .execute(Tuple.of(INSTITUTION, split.path("old_taxpayer_id").asLong()))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getInteger(0)).isEqualTo(1);
        assertThat(merges.applyAll().await().atMost(Duration.ofSeconds(20))).isZero();
    }

    private JsonNode mergeWithStatus(String status) {
        for (JsonNode merge : json(simulator().get("/admin/flexcity/" + INSTITUTION + "/merges").then().statusCode(200)
                .extract().asString())) {
            if (status.equals(merge.path("status").asText())) {
                return merge;
            }
        }
        throw new AssertionError("the standard scenario has a merge with status " + status);
    }

    /** The live instruction of a declaration, registered now if there is none. */
    private UUID instructionOn(long declarationId) {
        CollectionCalls.takeDeclaration(INSTITUTION, declarationId);
        api().contentType(ContentType.JSON).body("{\"institution\": \"" + INSTITUTION + "\", \"declaration_id\": "
                + declarationId + "}").post("/api/v1/standing-instructions");
        for (JsonNode instruction : data(api().get("/api/v1/standing-instructions?declaration_id=" + declarationId)
                .then().statusCode(200).extract().asString())) {
            if (!"DELETED".equals(instruction.path("status").asText())) {
                return UUID.fromString(instruction.path("id").asText());
            }
        }
        throw new AssertionError("no live instruction on declaration " + declarationId);
    }

    private void setTaxpayer(UUID instruction, long taxpayerId) {
        pool.preparedQuery("UPDATE standing_instruction SET taxpayer_id = $2 WHERE id = $1")
                .execute(Tuple.of(instruction, taxpayerId)).await().atMost(Duration.ofSeconds(10));
    }

    private long taxpayerOf(UUID instruction) {
        return pool.preparedQuery("SELECT taxpayer_id FROM standing_instruction WHERE id = $1")
                .execute(Tuple.of(instruction)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @Test
    @Order(5)
    void manyDeclarationsAreRegisteredAtOnceAndExistingOnesAreSkipped() {
        long existing = INVOICES.get(3).path("declaration_id").asLong();
        api().contentType(ContentType.JSON).body("{\"institution\": \"" + INSTITUTION + "\", \"declaration_ids\": ["
                        + existing + ", 987654321, 987654321], \"scan_every_days\": 10}")
                .post("/api/v1/standing-instructions/bulk").then().statusCode(200)
                .body("data.requested", is(2)).body("data.registered", is(1)).body("data.already_registered", is(1));
        api().get("/api/v1/standing-instructions?declaration_id=987654321").then().statusCode(200)
                .body("data[0].scan_every_days", is(10)).body("data[0].status", is("ACTIVE"));
        api().contentType(ContentType.JSON).body("{\"institution\": \"" + INSTITUTION + "\", \"declaration_ids\": []}")
                .post("/api/v1/standing-instructions/bulk").then().statusCode(422).body("errors", hasKey("declaration_ids"));
    }

    @Test
    @Order(6)
    void anAutoPayNotSentWhileTheBreakerWasOpenIsPaidByALaterScan() throws Exception {
        List<JsonNode> invoices = CollectionCalls.openDeclaration(INSTITUTION);
        String instruction = autoPayInstruction(invoices.get(0));
        // deneme-su's FlexCity fails four writes in a row: its write breaker opens.
        simulator().contentType(ContentType.JSON).body("{\"error\": \"http500\", \"target\": \"" + INSTITUTION
                + "\", \"remaining\": 4}").put("/admin/faults/flexcity/TahsilKaydiOlusturByFatura").then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            JsonNode failing = CollectionCalls.openInvoice(INSTITUTION, false);
            CollectionCalls.collect(INSTITUTION, failing, failing.path("total").decimalValue(), null, null)
                    .then().statusCode(202);
        }

        assertThat(scanToEnd().path("collections_failed").asLong()).isPositive();
        api().get("/api/v1/standing-instructions/" + instruction + "/payments").then().statusCode(200)
                .body("data.result_code", org.hamcrest.Matchers.everyItem(is("NOT_SENT")));

        Thread.sleep(2200);
        scanToEnd();
        for (JsonNode invoice : invoices) {
            assertPaidOnce(instruction, invoice);
        }
    }

    @Test
    @Order(7)
    void anAutoPayRefusedForAChangedAmountPaysTheCurrentTotalAsItsNextAttempt() {
        List<JsonNode> invoices = CollectionCalls.openDeclaration(INSTITUTION);
        String instruction = autoPayInstruction(invoices.get(0));
        simulator().contentType(ContentType.JSON).body("{\"error\": \"0512\", \"target\": \"" + INSTITUTION
                + "\", \"remaining\": 1}").put("/admin/faults/flexcity/TahsilKaydiOlusturByFatura").then().statusCode(200);

        scanToEnd();

        api().get("/api/v1/standing-instructions/" + instruction + "/payments").then().statusCode(200)
                .body("data.result_code", org.hamcrest.Matchers.hasItem("0512"));
        for (JsonNode invoice : invoices) {
            assertPaidOnce(instruction, invoice);
        }
        simulator().delete("/admin/faults").then().statusCode(200);
    }

    private String autoPayInstruction(JsonNode invoice) {
        return data(api().contentType(ContentType.JSON).body("{\"institution\": \"" + INSTITUTION
                        + "\", \"declaration_id\": " + invoice.path("declaration_id").asLong() + ", \"auto_collect\": true}")
                .post("/api/v1/standing-instructions").then().statusCode(201).extract().asString()).path("id").asText();
    }

    /** The invoice has exactly one COLLECTED auto-pay of the instruction, and exactly one payment-made. */
    private void assertPaidOnce(String instruction, JsonNode invoice) {
        String number = invoice.path("invoice_number").asText();
        JsonNode payments = data(api().get("/api/v1/standing-instructions/" + instruction + "/payments?limit=100")
                .then().statusCode(200).extract().asString());
        List<JsonNode> collected = new ArrayList<>();
        payments.forEach(p -> {
            if (number.equals(p.path("invoice_number").asText()) && "COLLECTED".equals(p.path("state").asText())) {
                collected.add(p);
            }
        });
        assertThat(collected).as(number).hasSize(1);
        String transaction = collected.get(0).path("transaction_number").asText();
        List<ConsumerRecord<String, String>> made = TopicRecords.read(bootstrapServers, Topics.PAYMENT_MADE,
                r -> transaction.equals(r.key()), 1, Duration.ofSeconds(5), Duration.ofMillis(700));
        assertThat(made).hasSize(1);
        assertThat(json(made.get(0).value()).path("channel").asText()).isEqualTo("standing_instruction");
    }

    private JsonNode scanToEnd() {
        long id = data(api().contentType(ContentType.JSON).body("{\"all\": true}").post("/api/v1/scan-runs")
                .then().statusCode(202).extract().asString()).path("id").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> !"RUNNING".equals(run(id).path("status").asText()));
        return run(id);
    }

    private JsonNode run(long id) {
        return data(api().get("/api/v1/scan-runs/" + id).then().statusCode(200).extract().asString());
    }

    private List<ConsumerRecord<String, String>> debtFound(long expected) {
        return TopicRecords.read(bootstrapServers, Topics.DEBT_FOUND, r -> r.key().startsWith(INSTITUTION + ":"),
                expected, Duration.ofSeconds(5), Duration.ofMillis(800));
    }

    private static RequestSpecification api() {
        return as(KEY);
    }
}

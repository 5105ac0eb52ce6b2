package tr.kopru.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import tr.kopru.declaration.service.DeliveryWorker;
import tr.kopru.runtime.db.Tally;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static tr.kopru.testsupport.Api.as;
import static tr.kopru.testsupport.Api.data;
import static tr.kopru.testsupport.Api.json;
import static tr.kopru.testsupport.Api.simulator;

/**
 * Partial updates of customs declarations against the simulated customs API: what reaches the upstream, how
 * failures end, what is refused before anything is sent, and the history kept.
 */
@QuarkusTest
class DeclarationIT {

    @Inject
    DeliveryWorker worker;

    @Inject
    Scheduler scheduler;

    @Inject
    Tally tally;

    @Inject
    Pool pool;

    private static final String KEY = "declaration-test-key-not-secret";
    private static final String READ_ONLY_KEY = "declaration-read-key-not-secret";

    /** Numbers compared by value (1000.0 and 1000.00 are the same amount), everything else as is. */
    private static final Comparator<JsonNode> SAME_NUMBER = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    @AfterEach
    void noFaultsLeft() {
        simulator().delete("/admin/faults").then().statusCode(200);
    }

    @Test
    void aPartialUpdateReachesTheUpstreamWithExactlyTheFieldsSetAndAllThreeHeaders() {
        String body = """
                {"shipment_reference_number": "REF-2026-77", "approver": null,
                 "incoterms": {"code": "FOB", "delivery_place": "Mersin Limanı"}}""";
        ValidatableResponse response = submit("DEC-0002", body).statusCode(202);
        JsonNode update = data(response.extract().asString());
        response.header("Location", endsWith("/api/v1/declaration-updates/" + update.path("id").asText()));
        assertThat(update.path("status").asText()).isEqualTo("PENDING");
        assertThat(update.path("fields")).extracting(JsonNode::asText)
                .containsExactly("shipment_reference_number", "approver", "incoterms");
        assertThat(update.path("requested_by").asText()).isEqualTo("Declaration Tests");

        JsonNode sent = awaitSettled(update.path("id").asText());
        assertThat(sent.path("status").asText()).isEqualTo("SENT");
        assertThat(sent.path("upstream_status").asInt()).isEqualTo(204);

        JsonNode received = lastReceived("DEC-0002");
        assertThat(received.path("body")).isEqualTo(json(body));
        assertThat(received.path("body").has("approver")).isTrue();
        assertThat(received.path("body").path("approver").isNull()).isTrue();
        assertThat(received.path("target_server").asText()).isEqualTo("TEST");
        assertThat(received.path("authorization").asText()).isEqualTo("Bearer sim-customs-token");
        assertThat(received.path("content_type").asText()).startsWith("application/json");
    }

    @Test
    void theTargetServerCanBeChosenPerRequest() {
        JsonNode update = data(submit("DEC-0003", "{\"operation_type\": \"IM\"}", "PROD").statusCode(202)
                .extract().asString());
        assertThat(update.path("target_server").asText()).isEqualTo("PROD");
        assertThat(awaitSettled(update.path("id").asText()).path("status").asText()).isEqualTo("SENT");
        assertThat(lastReceived("DEC-0003").path("target_server").asText()).isEqualTo("PROD");
    }

    @Test
    void theDocumentsOwnExampleIsAcceptedWithItsCarrierNameCorrectedFromTheCodeTable() {
        // Verbatim, the example's three person/receiver identity numbers are placeholders with wrong check digits.
        ObjectNode example = (ObjectNode) json(resource("customs-document-example.json"));
        ValidatableResponse verbatim = submit("DEC-0004", example.toString()).statusCode(422);
        assertThat(json(verbatim.extract().asString()).path("errors").properties()).extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("receiver.tax_identification_number",
                        "financial_officer.tax_identification_number", "representative.tax_identification_number");

        ((ObjectNode) example.path("receiver")).put("tax_identification_number", "9876543217");
        ((ObjectNode) example.path("financial_officer")).put("tax_identification_number", "12345678950");
        ((ObjectNode) example.path("representative")).put("tax_identification_number", "98765432150");
        // The document's own text, numbers as it writes them, with real identity numbers.
        String written = resource("customs-document-example.json").replace("\"9876543210\"", "\"9876543217\"")
                .replace("\"12345678901\"", "\"12345678950\"").replace("\"98765432101\"", "\"98765432150\"");
        ValidatableResponse accepted = submit("DEC-0004", written);
        JsonNode update = data(accepted.statusCode(202).extract().asString());
        assertThat(accepted.extract().asString()).as("our answer keeps the numbers as written")
                .contains("\"amount\":1000.00").contains("\"size\":2048.0").doesNotContain("E+");
        assertThat(update.path("warnings")).extracting(w -> w.path("path").asText())
                .containsExactlyInAnyOrder("logistic.internal_carrier_type.name", "receiver.country.name",
                        "target_country.name");
        assertThat(warning(update, "logistic.internal_carrier_type.name")).contains("Demiryolu Taşımacılığı")
                .contains("Karayolu Taşımacılığı");
        // The example names F01 both Türkiye and İngiltere (twice): it goes ahead, with both names in each warning.
        assertThat(warning(update, "receiver.country.name")).contains("F01").contains("İngiltere").contains("Türkiye");
        assertThat(awaitSettled(update.path("id").asText()).path("status").asText()).isEqualTo("SENT");

        JsonNode sent = lastReceived("DEC-0004").path("body");
        assertThat(sent.path("logistic").path("internal_carrier_type").path("name").asText())
                .isEqualTo("Karayolu Taşımacılığı");
        ObjectNode expected = example.deepCopy();
        ((ObjectNode) expected.path("logistic").path("internal_carrier_type")).put("name", "Karayolu Taşımacılığı");
        assertThat(sent.equals(SAME_NUMBER, expected)).as("sent %s", sent).isTrue();
        assertThat(sent.path("invoices").path("e_invoices").get(0).path("amount").decimalValue())
                .isEqualByComparingTo("1000.00");
        String bytes = lastReceived("DEC-0004").path("raw_body").asText();
        assertThat(bytes).as("the bytes customs received").contains("\"amount\":1000.00").contains("\"size\":2048.0")
                .doesNotContain("E+");
    }

    private static String warning(JsonNode update, String path) {
        for (JsonNode warning : update.path("warnings")) {
            if (path.equals(warning.path("path").asText())) {
                return warning.path("message").asText();
            }
        }
        throw new AssertionError("no warning at " + path + " in " + update.path("warnings"));
    }

    @Test
    void aServerErrorIsRetriedAndThenDelivered() {
        simulator().contentType(ContentType.JSON).body("{\"error\": \"http500\", \"remaining\": 2}")
                .put("/admin/faults/customs/update").then().statusCode(200);
        JsonNode update = data(submit("DEC-0005", "{\"shipment_reference_number\": \"R-5\"}").statusCode(202)
                .extract().asString());
        JsonNode settled = awaitSettled(update.path("id").asText());
        assertThat(settled.path("status").asText()).isEqualTo("SENT");
        assertThat(settled.path("attempts").asInt()).isEqualTo(3);
        assertThat(settled.path("attempt_log")).extracting(a -> a.path("outcome").asText() + " " + a.path("http_status"))
                .containsExactly("RETRYABLE 500", "RETRYABLE 500", "DELIVERED 204");
        assertThat(lastReceived("DEC-0005").path("body").path("shipment_reference_number").asText()).isEqualTo("R-5");
    }

    @Test
    void anAnswerThatNeverComesIsSentAgain() {
        simulator().contentType(ContentType.JSON).body("{\"timeout_ms\": 2500, \"remaining\": 1}")
                .put("/admin/faults/customs/update").then().statusCode(200);
        JsonNode update = data(submit("DEC-0006", "{\"operation_type\": \"EX\"}").statusCode(202).extract().asString());
        JsonNode settled = awaitSettled(update.path("id").asText());
        assertThat(settled.path("status").asText()).isEqualTo("SENT");
        assertThat(settled.path("attempt_log")).extracting(a -> a.path("outcome").asText())
                .containsExactly("RETRYABLE", "DELIVERED");
        assertThat(settled.path("attempt_log").get(0).path("detail").asText()).contains("no answer");
    }

    @Test
    void anUnansweredPutThatLandsLateNeverUndoesTheNextUpdate() {
        // The first PUT gets no answer (the client gives up after 1 s) and lands at customs 2.5 s after it was sent.
        simulator().contentType(ContentType.JSON).body("{\"commit_after_ms\": 2500, \"remaining\": 1}")
                .put("/admin/faults/customs/update").then().statusCode(200);
        JsonNode first = data(submit("DEC-0012", "{\"shipment_reference_number\": \"LATE-A\"}").statusCode(202)
                .extract().asString());
        JsonNode second = data(submit("DEC-0012", "{\"shipment_reference_number\": \"LATE-B\"}").statusCode(202)
                .extract().asString());

        JsonNode a = awaitSettled(first.path("id").asText());
        JsonNode b = awaitSettled(second.path("id").asText());
        assertThat(a.path("attempt_log")).extracting(attempt -> attempt.path("outcome").asText())
                .containsExactly("RETRYABLE", "DELIVERED");
        assertThat(b.path("status").asText()).isEqualTo("SENT");
        JsonNode unanswered = a.path("attempt_log").get(0);
        Instant quietUntil = Instant.parse(unanswered.path("at").asText())
                .plusMillis(unanswered.path("duration_ms").asLong()).plusSeconds(3);
        assertThat(Instant.parse(b.path("attempt_log").get(0).path("at").asText()))
                .as("the next update waits out the late-landing window").isAfterOrEqualTo(quietUntil);

        JsonNode declaration = atCustoms("DEC-0012");
        assertThat(declaration.path("updates")).extracting(u -> u.path("body").path("shipment_reference_number")
                .asText()).containsExactly("LATE-A", "LATE-A", "LATE-B");
        assertThat(declaration.path("shipment_reference_number").asText()).isEqualTo("LATE-B");
    }

    @Test
    void anUpdateWhoseLeaseRanOutWhileItWaitedIsSentOnceByTheReplicaThatTookItOver() throws Exception {
        // Each PUT takes 0.8 s: a round that takes ten updates is still sending when their 4 s lease runs out.
        simulator().contentType(ContentType.JSON).body("{\"latency_ms\": 800}").put("/admin/faults/customs/update")
                .then().statusCode(200);
        long callsBefore = customsCalls();
        List<String> ids = new ArrayList<>();
        scheduler.pause();
        try {
            for (int i = 20; i < 30; i++) {
                ids.add(data(submit("DEC-00" + i, "{\"shipment_reference_number\": \"LEASE-" + i + "\"}")
                        .statusCode(202).extract().asString()).path("id").asText());
            }
            // Two replicas' rounds, as two pods' workers run them: the second starts once the first's leases ran out.
            var first = worker.deliverDueNow().subscribeAsCompletionStage();
            Thread.sleep(4_500);
            int takenOver = worker.deliverDueNow().await().atMost(Duration.ofSeconds(30));
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(10);
            assertThat(takenOver).as("updates the second round took over").isPositive();
        } finally {
            scheduler.resume();
        }
        for (String id : ids) {
            JsonNode settled = awaitSettled(id);
            assertThat(settled.path("status").asText()).isEqualTo("SENT");
            assertThat(settled.path("attempts").asInt()).as("attempts of %s", id).isEqualTo(1);
        }
        assertThat(customsCalls() - callsBefore).as("one PUT per update").isEqualTo(10);
        for (int i = 20; i < 30; i++) {
            assertThat(received("DEC-00" + i)).extracting(u -> u.path("body").path("shipment_reference_number")
                    .asText()).containsExactly("LEASE-" + i);
        }
    }

    @Test
    void theListingsTotalsKeptByTheDatabaseMatchACountOfTheDeliveriesBeforeAndAfterFolding() {
        JsonNode update = data(submit("DEC-0031", "{\"operation_type\": \"EX\"}").statusCode(202).extract().asString());
        awaitSettled(update.path("id").asText());
        for (int round = 0; round < 2; round++) {
            assertThat(total(as(KEY).get("/api/v1/declaration-updates")))
                    .isEqualTo(count("SELECT count(*) FROM delivery", null));
            for (String status : List.of("PENDING", "SENT", "FAILED")) {
                assertThat(total(as(KEY).queryParam("status", status).get("/api/v1/declaration-updates")))
                        .as(status).isEqualTo(count("SELECT count(*) FROM delivery WHERE status = $1", status));
            }
            assertThat(tally.fold(pool).await().atMost(Duration.ofSeconds(10))).isLessThanOrEqualTo(3);
        }
    }

    private static long total(Response response) {
        return json(response.then().statusCode(200).extract().asString()).path("pagination").path("total_count")
                .asLong();
    }

    private long count(String sql, String parameter) {
        var query = pool.preparedQuery(sql);
        var rows = (parameter == null ? query.execute() : query.execute(Tuple.of(parameter)))
                .await().atMost(Duration.ofSeconds(10));
        return rows.iterator().next().getLong(0);
    }

    @Test
    void aBodyNestedDeeperThanTheParserAllowsIsA400AndNothingIsStored() {
        long before = count("SELECT count(*) FROM declaration_update", null);
        String deep = "{\"operation_type\": " + "{\"a\": ".repeat(100) + "1" + "}".repeat(100) + "}";
        submit("DEC-0033", deep).statusCode(400).body("success", is(false))
                .body("message", containsString("nesting depth"));
        assertThat(count("SELECT count(*) FROM declaration_update", null)).isEqualTo(before);
    }

    @Test
    void aDeclarationTheUpstreamDoesNotKnowEndsFailedWithItsReason() {
        JsonNode update = data(submit("DEC-9999", "{\"operation_type\": \"EX\"}").statusCode(202).extract().asString());
        JsonNode settled = awaitSettled(update.path("id").asText());
        assertThat(settled.path("status").asText()).isEqualTo("FAILED");
        assertThat(settled.path("upstream_status").asInt()).isEqualTo(404);
        assertThat(settled.path("failure_reason").asText()).contains("404").contains("Declaration not found");
        assertThat(settled.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aTokenTheUpstreamRefusesEndsFailedAtOnce() {
        JsonNode update = data(as(KEY).contentType(ContentType.JSON).body("{\"operation_type\": \"EX\"}")
                .post("/api/v1/declarations/DEC-0007/updates?target=locked-out").then().statusCode(202)
                .extract().asString());
        JsonNode settled = awaitSettled(update.path("id").asText());
        assertThat(settled.path("status").asText()).isEqualTo("FAILED");
        assertThat(settled.path("upstream_status").asInt()).isEqualTo(401);
        assertThat(settled.path("failure_reason").asText()).contains("Invalid or missing bearer token");
    }

    @Test
    void anInvalidBodyIsRefusedNamingEveryBadPathAndNothingIsSent() {
        long callsBefore = customsCalls();
        String body = """
                {"operation_type": "XX",
                 "transaction_attribute_code": "11",
                 "senders": [{"tax_identification_number": "1234567891", "type": 3}],
                 "financial_officer": {"tax_identification_number": "12345"},
                 "previous_declaration": {"date": "2024-02-30", "entry_of_transport_document": "double"},
                 "invoices": {"e_invoices": [{"amount": -5, "currency": "usd", "vkn": "1234567890",
                                              "file": {"url": "https://example.com/e.pdf"}}],
                              "other_invoices": [{"name": "fatura.pdf", "url": "not a url", "created_at": "dün"}]},
                 "logistic": {"internal_carrier_type": {"code": 11, "name": "?"}},
                 "colour": "blue"}""";
        JsonNode refused = json(submit("DEC-0008", body).statusCode(422).extract().asString());
        assertThat(refused.path("success").asBoolean()).isFalse();
        List<String> paths = new ArrayList<>();
        refused.path("errors").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("operation_type", "transaction_attribute_code",
                "senders[0].tax_identification_number", "senders[0].type", "financial_officer.tax_identification_number",
                "previous_declaration.date", "previous_declaration.entry_of_transport_document",
                "invoices.e_invoices[0].amount", "invoices.e_invoices[0].currency",
                "invoices.e_invoices[0].file.name", "invoices.other_invoices[0].url",
                "invoices.other_invoices[0].created_at", "logistic.internal_carrier_type.code", "colour");
        assertThat(refused.path("errors").path("senders[0].type").get(0).asText()).contains("1, 2");

        as(KEY).get("/api/v1/declarations/DEC-0008/updates").then().statusCode(200)
                .body("pagination.total_count", is(0));
        assertThat(customsCalls()).isEqualTo(callsBefore);
    }

    @Test
    void anEmptyOrMalformedBodyAndAnUnknownEnvironmentAreRefused() {
        submit("DEC-0009", "{}").statusCode(422).body("errors.'$'[0]", is("the update sets no field"));
        submit("DEC-0009", "[1, 2]").statusCode(422).body("errors.'$'[0]", is("must be a JSON object"));
        submit("DEC-0009", "{\"operation_type\": ").statusCode(400);
        submit("DEC-0009", "{\"operation_type\": \"EX\", \"operation_type\": \"IM\"}").statusCode(422);
        as(KEY).contentType(ContentType.JSON).body("{\"operation_type\": \"EX\"}")
                .post("/api/v1/declarations/DEC-0009/updates?target=staging").then().statusCode(422)
                .body("errors.target[0]", is("must be one of the configured customs environments: locked-out, prod, test"));
    }

    @Test
    void theHistoryListsUpdatesInOrderWithWhoSentThemAndWhatTheyChanged() {
        // The first update meets a 500 and waits for its retry; the second must not overtake it.
        simulator().contentType(ContentType.JSON).body("{\"error\": \"http500\", \"remaining\": 1}")
                .put("/admin/faults/customs/update").then().statusCode(200);
        String first = data(submit("DEC-0010", """
                {"shipment_reference_number": "A", "logistic": {"is_container": true, "antrepo_code": "ANT-1"}}""")
                .statusCode(202).extract().asString()).path("id").asText();
        String second = data(submit("DEC-0010", """
                {"shipment_reference_number": "B", "logistic": {"is_container": false, "antrepo_code": "ANT-1"}}""")
                .statusCode(202).extract().asString()).path("id").asText();
        awaitSettled(first);
        assertThat(awaitSettled(second).path("status").asText()).isEqualTo("SENT");

        JsonNode history = json(as(KEY).get("/api/v1/declarations/DEC-0010/updates").then().statusCode(200)
                .extract().asString());
        assertThat(history.path("pagination").path("total_count").asInt()).isEqualTo(2);
        JsonNode updates = history.path("data");
        assertThat(updates).extracting(u -> u.path("id").asText()).containsExactly(first, second);
        assertThat(updates).extracting(u -> u.path("requested_by").asText()).containsOnly("Declaration Tests");
        assertThat(updates.get(0).path("changed_fields")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "shipment_reference_number", "logistic.is_container", "logistic.antrepo_code");
        assertThat(updates.get(1).path("changed_fields")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "shipment_reference_number", "logistic.is_container");

        JsonNode state = data(as(KEY).get("/api/v1/declarations/DEC-0010").then().statusCode(200).extract().asString());
        assertThat(state.path("fields").path("shipment_reference_number").asText()).isEqualTo("B");
        assertThat(state.path("updates_delivered").asInt()).isEqualTo(2);
        assertThat(lastReceived("DEC-0010").path("body").path("shipment_reference_number").asText()).isEqualTo("B");
    }

    @Test
    void codeTablesAreServedAndWritingNeedsItsScope() {
        JsonNode tables = data(as(READ_ONLY_KEY).get("/api/v1/code-tables").then().statusCode(200).extract().asString());
        assertThat(tables).extracting(t -> t.path("name").asText()).contains("carrier-types", "incoterms",
                "operation-types", "transaction-attributes", "vehicle-types");
        JsonNode carriers = data(as(READ_ONLY_KEY).get("/api/v1/code-tables/carrier-types").then().statusCode(200)
                .extract().asString());
        assertThat(carriers.path("codes")).anySatisfy(code -> {
            assertThat(code.path("code").asText()).isEqualTo("20");
            assertThat(code.path("description").asText()).isEqualTo("Demiryolu Taşımacılığı");
        });
        as(READ_ONLY_KEY).contentType(ContentType.JSON).body("{\"operation_type\": \"EX\"}")
                .post("/api/v1/declarations/DEC-0011/updates").then().statusCode(403);
        as(READ_ONLY_KEY).get("/api/v1/code-tables/colours").then().statusCode(404);
    }

    private static ValidatableResponse submit(String declarationId, String body) {
        return as(KEY).contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/declarations/" + declarationId + "/updates").then();
    }

    private static ValidatableResponse submit(String declarationId, String body, String targetServer) {
        return as(KEY).contentType(ContentType.JSON).header("X-Target-Server", targetServer)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/declarations/" + declarationId + "/updates").then();
    }

    private static JsonNode awaitSettled(String updateId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = data(as(KEY).get("/api/v1/declaration-updates/" + updateId).then().statusCode(200)
                    .extract().asString());
            return !last[0].path("status").asText().equals("PENDING");
        });
        return last[0];
    }

    /** The last update the simulated customs API received for a declaration, with the headers it came with. */
    private static JsonNode lastReceived(String declarationId) {
        List<JsonNode> updates = received(declarationId);
        return updates.get(updates.size() - 1);
    }

    /** Every update the simulated customs API received for a declaration, in order. */
    private static List<JsonNode> received(String declarationId) {
        List<JsonNode> updates = new ArrayList<>();
        atCustoms(declarationId).path("updates").forEach(updates::add);
        return updates;
    }

    /** The declaration as the simulated customs API holds it, with every update it received. */
    private static JsonNode atCustoms(String declarationId) {
        return json(simulator().header("Authorization", "Bearer sim-customs-token").header("X-Target-Server", "TEST")
                .get("/api/v1/declarations/" + declarationId).then().statusCode(200).extract().asString());
    }

    private static long customsCalls() {
        return json(simulator().get("/admin/calls").then().statusCode(200).extract().asString())
                .path("customs/update").asLong();
    }

    private static String resource(String name) {
        try (InputStream in = DeclarationIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

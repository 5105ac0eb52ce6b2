package tr.kopru.collection;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static tr.kopru.testsupport.Api.as;
import static tr.kopru.testsupport.Api.json;
import static tr.kopru.testsupport.Api.simulator;

/** What the collection tests do through our API and the simulator's admin API, written once for every test class. */
final class CollectionCalls {

    static final String KEY = "collection-test-key-not-secret";
    static final ZoneId TURKEY = ZoneId.of("Europe/Istanbul");
    /** Invoices any test of this JVM took: each test collects its own. */
    private static final Set<String> USED = new HashSet<>();

    private CollectionCalls() {
    }

    /** An open invoice no other test used; not overdue when {@code notOverdue} (its total is the same any day). */
    static synchronized JsonNode openInvoice(String institution, boolean notOverdue) {
        JsonNode invoices = json(simulator().get("/admin/flexcity/" + institution + "/invoices")
                .then().statusCode(200).extract().asString());
        for (JsonNode invoice : invoices) {
            boolean fits = !notOverdue || !LocalDate.parse(invoice.path("due_date").asText())
                    .isBefore(LocalDate.now(TURKEY));
            if (fits && USED.add(invoice.path("invoice_number").asText())) {
                return invoice;
            }
        }
        throw new IllegalStateException("the simulator has no unused open invoice of " + institution + " left");
    }

    /**
     * The open invoices of a declaration none of whose invoices another test took, all taken now: for tests whose
     * scans pay every open invoice of a declaration.
     */
    static synchronized List<JsonNode> openDeclaration(String institution) {
        JsonNode invoices = json(simulator().get("/admin/flexcity/" + institution + "/invoices")
                .then().statusCode(200).extract().asString());
        Map<Long, List<JsonNode>> byDeclaration = new LinkedHashMap<>();
        invoices.forEach(i -> byDeclaration.computeIfAbsent(i.path("declaration_id").asLong(), d -> new ArrayList<>())
                .add(i));
        for (List<JsonNode> ofDeclaration : byDeclaration.values()) {
            if (ofDeclaration.stream().noneMatch(i -> USED.contains(i.path("invoice_number").asText()))) {
                ofDeclaration.forEach(i -> USED.add(i.path("invoice_number").asText()));
                return ofDeclaration;
            }
        }
        throw new IllegalStateException("the simulator has no untouched declaration of " + institution + " left");
    }

    /** Takes every invoice of one declaration, so that no other test collects them. */
    static synchronized void takeDeclaration(String institution, long declarationId) {
        json(simulator().get("/admin/flexcity/" + institution + "/invoices").then().statusCode(200).extract().asString())
                .forEach(i -> {
                    if (i.path("declaration_id").asLong() == declarationId) {
                        USED.add(i.path("invoice_number").asText());
                    }
                });
    }

    static Response collect(String institution, JsonNode invoice, BigDecimal amount, String idempotencyKey,
                            LocalDate paidOn) {
        RequestSpecification request = api().contentType(ContentType.JSON)
                .body(body(institution, invoice, amount, paidOn));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/collections");
    }

    static String body(String institution, JsonNode invoice, BigDecimal amount, LocalDate paidOn) {
        return "{\"institution\": \"" + institution + "\", \"invoice_number\": \""
                + invoice.path("invoice_number").asText() + "\", \"declaration_id\": "
                + invoice.path("declaration_id").asLong() + ", \"amount\": " + amount.toPlainString()
                + (paidOn == null ? "" : ", \"paid_on\": \"" + paidOn + "\"") + "}";
    }

    /** Sets a fault of the simulated FlexCity's {@code method}. */
    static void fault(String method, String fault) {
        simulator().contentType(ContentType.JSON).body(fault).put("/admin/faults/flexcity/" + method)
                .then().statusCode(200);
    }

    /** The collections FlexCity booked of an invoice, cancelled ones included. */
    static JsonNode bookings(String institution, JsonNode invoice) {
        return json(simulator().get("/admin/flexcity/" + institution + "/collections?invoice_number="
                + invoice.path("invoice_number").asText()).then().statusCode(200).extract().asString());
    }

    /** How many calls the simulator received of "upstream/method". */
    static long calls(String method) {
        return json(simulator().get("/admin/calls").then().statusCode(200).extract().asString()).path(method).asLong();
    }

    static RequestSpecification api() {
        return as(KEY);
    }

    static JsonNode data(Response response) {
        return json(response.asString()).path("data");
    }
}

package tr.kopru.runtimeit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class RestHouseStyleIT {

    @Inject
    Pool pool;

    @Test
    void aCreatedResourceComesBackInTheSuccessEnvelope() {
        String invoice = invoice();
        int id = writer().body(order(invoice, "845.60", "api")).post("/api/v1/fixture-orders")
                .then().statusCode(201)
                .body("success", is(true))
                .body("data.invoice_number", is(invoice))
                .body("data.amount", is(845.60f))
                .extract().path("data.id");
        writer().get("/api/v1/fixture-orders/" + id).then().statusCode(200).body("data.channel", is("api"));
    }

    @Test
    void everyApiAnswerSaysHowLongTheServiceSpentOnIt() {
        writer().get("/api/v1/fixture-orders?limit=1").then().statusCode(200)
                .header("Server-Timing", matchesPattern("app;dur=\\d+\\.\\d{3}"));
        writer().body("{\"invoice_number\": ").post("/api/v1/fixture-orders").then().statusCode(400)
                .header("Server-Timing", matchesPattern("app;dur=\\d+\\.\\d{3}"));
    }

    @Test
    void everyBadFieldIsNamedInA422() {
        writer().body("{\"invoice_number\": \"short\", \"amount\": -5}").post("/api/v1/fixture-orders")
                .then().statusCode(422)
                .body("success", is(false))
                .body("message", is("Validation failed"))
                .body("errors.invoice_number", hasItem("must be exactly 24 characters"))
                .body("errors.amount", hasItem("must be positive"))
                .body("errors", hasKey("channel"));
    }

    @Test
    void malformedJsonIsA400AndWrongTypesOrUnknownEnumValuesAre422s() {
        writer().body("{\"invoice_number\": ").post("/api/v1/fixture-orders")
                .then().statusCode(400).body("success", is(false))
                .body("message", containsString("Malformed JSON"));
        writer().body(order(invoice(), "\"lots\"", "api").replace("\"\"lots\"\"", "\"lots\""))
                .post("/api/v1/fixture-orders")
                .then().statusCode(422).body("errors", hasKey("amount"));
        writer().body(order(invoice(), "10.00", "carrier-pigeon")).post("/api/v1/fixture-orders")
                .then().statusCode(422).body("errors.channel[0]", containsString("must be one of"));
        writer().body(order(invoice(), "10.005", "api")).post("/api/v1/fixture-orders")
                .then().statusCode(422).body("errors.amount[0]", containsString("at most two decimal places"));
    }

    @Test
    void aNulCharacterInThePathTheQueryOrTheBodyIsA400NeverA500() {
        writer().urlEncodingEnabled(false).get("/api/v1/fixture-orders?limit=1%00").then().statusCode(400).body("errors", hasKey("limit"));
        writer().urlEncodingEnabled(false).get("/api/v1/fixture-orders/%00").then().statusCode(400)
                .body("success", is(false)).body("errors", hasKey("path"));
        // A NUL escaped in a JSON string passes every check but reaches PostgreSQL, which cannot store it.
        String withNul = invoice().substring(0, 23) + "\\u0000";
        writer().body(order(withNul, "1.00", "api")).post("/api/v1/fixture-orders").then().statusCode(400)
                .body("errors.body[0]", containsString("NUL"));
    }

    @Test
    void aBodyOverOneMegabyteIsA413InTheEnvelopeWhetherItsLengthIsDeclaredOrChunked() throws Exception {
        String huge = order(invoice(), "1.00", "api").replace("}", ", \"padding\": \"" + "x".repeat(1_100_000) + "\"}");
        writer().body(huge).post("/api/v1/fixture-orders").then().statusCode(413)
                .body("success", is(false)).body("message", containsString("1 MB"));
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(api("/api/v1/fixture-orders"))
                .header("X-API-Key", FixtureApiKeys.WRITER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        huge.getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"success\":false").contains("1 MB");
        writer().get("/api/v1/fixture-orders?limit=1").then().statusCode(200);
    }

    @Test
    void oversizedHeadersAndUrisAnswerInTheEnvelope() {
        writer().header("X-Padding", "y".repeat(20_000)).get("/api/v1/fixture-orders").then().statusCode(431)
                .body("success", is(false)).body("message", containsString("headers"));
        writer().get("/api/v1/fixture-orders/" + "9".repeat(9_000)).then().statusCode(414)
                .body("success", is(false)).body("message", containsString("address"));
    }

    @Test
    void anOverlongStringOrANumberTheDatabaseCannotHoldIsRefusedInTheEnvelope() {
        writer().body(order(invoice(), "1" + "0".repeat(20) + ".00", "api")).post("/api/v1/fixture-orders").then()
                .statusCode(400).body("success", is(false)).body("errors.body[0]", containsString("out of range"));
        writer().body(order("x".repeat(200_000), "1.00", "api")).post("/api/v1/fixture-orders").then()
                .statusCode(422).body("success", is(false)).body("errors", hasKey("invoice_number"));
    }

    private static URI api(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    @Test
    void listsArePaginatedAndLimitIsBounded() {
        for (int i = 0; i < 3; i++) {
            writer().body(order(invoice(), "1.00", "standing_instruction")).post("/api/v1/fixture-orders")
                    .then().statusCode(201);
        }
        writer().queryParam("limit", 2).queryParam("offset", 1).get("/api/v1/fixture-orders")
                .then().statusCode(200)
                .body("data.size()", is(2))
                .body("pagination.limit", is(2))
                .body("pagination.offset", is(1))
                .body("pagination.total_count", notNullValue())
                .body("pagination.has_more", notNullValue());
        writer().get("/api/v1/fixture-orders").then().statusCode(200).body("pagination.limit", is(50));
        writer().queryParam("limit", 5000).get("/api/v1/fixture-orders")
                .then().statusCode(422).body("errors.limit", hasItem("must be at most 1000"));
    }

    @Test
    void conflictsUnknownIdsAndUnknownRoutesAnswerInTheErrorEnvelope() {
        String invoice = invoice();
        writer().body(order(invoice, "5.00", "api")).post("/api/v1/fixture-orders").then().statusCode(201);
        writer().body(order(invoice, "5.00", "api")).post("/api/v1/fixture-orders")
                .then().statusCode(409).body("success", is(false)).body("message", containsString(invoice));
        writer().get("/api/v1/fixture-orders/999999999").then().statusCode(404)
                .body("success", is(false)).body("message", is("No order 999999999"));
        writer().get("/api/v1/no-such-thing").then().statusCode(404).body("success", is(false));
    }

    @Test
    void anUnexpectedFailureIsA500WithoutInternals() {
        writer().get("/api/v1/fixture-orders/broken").then().statusCode(500)
                .body("success", is(false))
                .body("message", containsString("Internal server error (reference "))
                .body(not(containsString("hunter2")))
                .body(not(containsString("IllegalStateException")));
    }

    /** Found by the fault campaign: a request whose database connection dropped was answered 500. */
    @Test
    void aRequestWhoseDatabaseConnectionDropsIsA503ToRetryNotA500() throws Exception {
        CompletableFuture<io.restassured.response.Response> slow = CompletableFuture.supplyAsync(() ->
                writer().get("/api/v1/fixture-orders/slow-count"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> terminateSlowQuery() > 0);
        io.restassured.response.Response answer = slow.get(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.jsonPath().getBoolean("success")).isFalse();
        assertThat(answer.jsonPath().getString("message")).contains("cannot reach its database");
        writer().get("/api/v1/fixture-orders").then().statusCode(200);
    }

    /** Ends the backend running the slow query, as a database restart or a failover does; answers how many. */
    private long terminateSlowQuery() {
        return pool.query("SELECT count(pg_terminate_backend(pid)) AS ended FROM pg_stat_activity "
                        + "WHERE query LIKE 'SELECT pg_sleep(2)%' AND pid <> pg_backend_pid()").execute()
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong("ended");
    }

    @Test
    void openApiDocumentsTheEnvelopeTheErrorsAndTheApiKey() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.ApiError.properties", hasKey("errors"))
                .body("components.securitySchemes.SecurityScheme.name", is("X-API-Key"))
                .body("paths.'/api/v1/fixture-orders'.post.responses", hasKey("422"))
                .body("paths.'/api/v1/fixture-orders'.post.responses.'422'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/ApiError"))
                .body("paths.'/api/v1/fixture-orders'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        containsString("ApiResponse"));
    }

    static RequestSpecification writer() {
        return given().header("X-API-Key", FixtureApiKeys.WRITER).contentType(ContentType.JSON);
    }

    static String invoice() {
        return (UUID.randomUUID().toString().replace("-", "") + "00000000").substring(0, 24);
    }

    private static String order(String invoice, String amount, String channel) {
        return "{\"invoice_number\": \"%s\", \"amount\": %s, \"channel\": \"%s\"}".formatted(invoice, amount, channel);
    }
}

package tr.kopru.runtimeit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ApiKeyIT {

    private static final String ORDERS = "/api/v1/fixture-orders";

    @Test
    void aMissingOrUnknownKeyIs401WithItsOwnMessage() {
        given().get(ORDERS).then().statusCode(401).body("success", is(false))
                .body("message", is("Missing API key: send it in the X-API-Key header"));
        given().header("X-API-Key", "no-such-key").get(ORDERS).then().statusCode(401)
                .body("message", is("Unknown API key"));
    }

    @Test
    void aDisabledExpiredOrNotYetValidKeyIs401WithItsOwnMessage() {
        given().header("X-API-Key", FixtureApiKeys.DISABLED).get(ORDERS).then().statusCode(401)
                .body("message", is("API key disabled is disabled"));
        given().header("X-API-Key", FixtureApiKeys.EXPIRED).get(ORDERS).then().statusCode(401)
                .body("message", org.hamcrest.Matchers.startsWith("API key expired expired at "));
        given().header("X-API-Key", FixtureApiKeys.NOT_YET_VALID).get(ORDERS).then().statusCode(401)
                .body("message", org.hamcrest.Matchers.startsWith("API key future is not valid before "));
    }

    @Test
    void theDaysUntilEachActiveKeyExpiresAreAMetricByKeyId() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double expiring = metrics.lines().filter(line -> line.startsWith("kopru_api_key_expiry_days{")
                        && line.contains("key=\"expiring\"")).mapToDouble(line -> Double.parseDouble(
                        line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
        assertThat(expiring).isBetween(9.9, 10.0);
        assertThat(metrics).contains("# HELP kopru_api_key_expiry_days Days until the active API key expires")
                .doesNotContain("key=\"disabled\"").doesNotContain("Test Entegrat");
    }

    @Test
    void aMissingScopeOrADisallowedAddressIs403() {
        given().header("X-API-Key", FixtureApiKeys.READER).contentType(ContentType.JSON)
                .body("{\"invoice_number\":\"123456789012345678901234\",\"amount\":1.00,\"channel\":\"api\"}")
                .post(ORDERS).then().statusCode(403)
                .body("message", is("API key reader lacks the scope fixtures:write"));
        given().header("X-API-Key", FixtureApiKeys.OTHER_NETWORK).get(ORDERS).then().statusCode(403)
                .body("message", org.hamcrest.Matchers.startsWith("API key other-network may not be used from "));
    }

    @Test
    void aValidKeyWithTheScopeFromAnAllowedAddressIsAdmitted() {
        given().header("X-API-Key", FixtureApiKeys.READER).get(ORDERS).then().statusCode(200)
                .body("success", is(true));
    }

    @Test
    void aKeyRevokedOrAddedInTheFileTakesEffectWithoutARestart() throws Exception {
        asOperator(FixtureApiKeys.REVOCABLE).get(ORDERS).then().statusCode(200);
        asOperator(FixtureApiKeys.ADDED_LATER).get(ORDERS).then().statusCode(401);
        try {
            Files.writeString(FixtureApiKeys.file, FixtureApiKeys.withRevocableDisabledAndOneAdded());
            awaitStatus(FixtureApiKeys.REVOCABLE, 401);
            asOperator(FixtureApiKeys.REVOCABLE).get(ORDERS).then()
                    .body("message", is("API key revocable is disabled"));
            awaitStatus(FixtureApiKeys.ADDED_LATER, 200);

            Files.writeString(FixtureApiKeys.file, "[{\"id\": \"half-written");
            Thread.sleep(3_000);
            asOperator(FixtureApiKeys.ADDED_LATER).get(ORDERS).then().statusCode(200);
            asOperator(FixtureApiKeys.REVOCABLE).get(ORDERS).then().statusCode(401);
        } finally {
            Files.writeString(FixtureApiKeys.file, FixtureApiKeys.written);
        }
        awaitStatus(FixtureApiKeys.ADDED_LATER, 401);
        awaitStatus(FixtureApiKeys.REVOCABLE, 200);
    }

    private static void awaitStatus(String key, int status) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> asOperator(key).get(ORDERS).statusCode() == status);
    }

    /** Calls of the key-revocation test, from an address of their own (their 401s count against it). */
    private static io.restassured.specification.RequestSpecification asOperator(String key) {
        return given().header("X-API-Key", key).header("X-Forwarded-For", "198.51.100.20");
    }

    @Test
    void theCallerIsTheLastAddressOurProxiesForwardedNotOneTheCallerWrote() {
        given().header("X-API-Key", FixtureApiKeys.OTHER_NETWORK).header("X-Forwarded-For", "10.20.3.4")
                .get(ORDERS).then().statusCode(200);
        given().header("X-API-Key", FixtureApiKeys.OTHER_NETWORK)
                .header("X-Forwarded-For", "10.20.3.4, 198.51.100.9").get(ORDERS).then().statusCode(403)
                .body("message", is("API key other-network may not be used from 198.51.100.9"));
        given().header("X-API-Key", FixtureApiKeys.OTHER_NETWORK)
                .header("X-Forwarded-For", "10.20.3.4, 198.51.100.9, 127.0.0.1").get(ORDERS).then().statusCode(403)
                .body("message", is("API key other-network may not be used from 198.51.100.9"));
    }

    @Test
    void failedAuthenticationsFromOneAddressAreLimitedWithA429ThatSaysWhenToRetry() {
        for (int i = 0; i < 20; i++) {
            given().header("X-API-Key", "guess-" + i).header("X-Forwarded-For", "203.0.113.77").get(ORDERS)
                    .then().statusCode(401);
        }
        given().header("X-API-Key", FixtureApiKeys.WRITER).header("X-Forwarded-For", "203.0.113.77").get(ORDERS)
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9]\\d*"))
                .body("success", is(false))
                .body("message", org.hamcrest.Matchers.startsWith("Too many failed authentications from "
                        + "203.0.113.77; try again in "));
        given().header("X-API-Key", FixtureApiKeys.WRITER).header("X-Forwarded-For", "203.0.113.78").get(ORDERS)
                .then().statusCode(200);
    }

    @Test
    void healthMetricsAndOpenApiNeedNoKey() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void readinessNamesTheKeysThatExpireWithinThirtyDays() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'API keys' }.data.'expires_soon.expiring'", notNullValue())
                .body("checks.find { it.name == 'API keys' }.data.'expires_soon.writer'", nullValue())
                .body("checks.find { it.name == 'API keys' }.data.'expires_soon.expired'", nullValue());
    }
}

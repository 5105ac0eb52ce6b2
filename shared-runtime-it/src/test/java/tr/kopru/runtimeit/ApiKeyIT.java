package tr.kopru.runtimeit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
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

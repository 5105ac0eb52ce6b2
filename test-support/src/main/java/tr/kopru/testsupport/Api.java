package tr.kopru.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.specification.RequestSpecification;
import tr.kopru.model.json.ContractJson;

import java.io.IOException;
import java.io.UncheckedIOException;

import static io.restassured.RestAssured.given;

/** How tests call a service's REST API and the upstream simulator, and read the house-style envelope. */
public final class Api {

    private Api() {
    }

    /** A request to the service under test with an API key. */
    public static RequestSpecification as(String apiKey) {
        return given().header("X-API-Key", apiKey);
    }

    /** A request to the upstream simulator (its admin API or its upstream endpoints). */
    public static RequestSpecification simulator() {
        return given().baseUri(UpstreamSimulatorResource.simulator().baseUrl());
    }

    /** The {@code data} of a house-style answer. */
    public static JsonNode data(String body) {
        return json(body).path("data");
    }

    public static JsonNode json(String text) {
        try {
            return ContractJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package tr.kopru.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CustomsSimulatorTest extends SimulatorTestBase {

    private static final Map<String, String> HEADERS = Map.of("Authorization", "Bearer sim-customs-token",
            "X-Target-Server", "TEST", "Content-Type", "application/json");

    @Test
    void aPartialUpdateChangesOnlyTheFieldsSentAndAnswers204() {
        String path = "/api/v1/declarations/DEC-0001";
        assertThat(client.put(path, "{\"transport_mode\": \"10\", \"notes\": \"first\"}", HEADERS).status())
                .isEqualTo(204);
        assertThat(client.put(path, "{\"notes\": null}", HEADERS).status()).isEqualTo(204);
        JsonNode stored = client.get(path, HEADERS).body();
        assertThat(stored.path("transport_mode").asText()).isEqualTo("10");
        assertThat(stored.has("notes")).isTrue();
        assertThat(stored.path("notes").isNull()).isTrue();
        assertThat(stored.path("updates")).hasSize(2);
        assertThat(stored.path("updates").get(1).path("target_server").asText()).isEqualTo("TEST");
    }

    @Test
    void missingTokenTargetServerUnknownIdAndBadBodyAreRefused() {
        String path = "/api/v1/declarations/DEC-0002";
        assertThat(client.put(path, "{\"a\":1}", Map.of("X-Target-Server", "TEST", "Content-Type",
                "application/json")).status()).isEqualTo(401);
        assertThat(client.put(path, "{\"a\":1}", Map.of("Authorization", "Bearer sim-customs-token",
                "Content-Type", "application/json")).status()).isEqualTo(400);
        assertThat(client.put("/api/v1/declarations/NOPE", "{\"a\":1}", HEADERS).status()).isEqualTo(404);
        assertThat(client.put(path, "[1,2]", HEADERS).status()).isEqualTo(400);
    }

    @Test
    void faultsAddLatencyThrottleOrBreakTheBody() {
        String path = "/api/v1/declarations/DEC-0003";
        client.put("/admin/faults/customs/update", "{\"retry_after_seconds\": 7, \"remaining\": 1}", Map.of());
        SimulatorClient.Response throttled = client.put(path, "{\"a\":1}", HEADERS);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.raw().headers().firstValue("Retry-After")).contains("7");

        client.put("/admin/faults/customs/update", "{\"latency_ms\": 400, \"remaining\": 1}", Map.of());
        long started = System.nanoTime();
        assertThat(client.put(path, "{\"a\":2}", HEADERS).status()).isEqualTo(204);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);

        client.put("/admin/faults/customs/update", "{\"malformed\": true, \"remaining\": 1}", Map.of());
        SimulatorClient.Response malformed = client.put(path, "{\"a\":3}", HEADERS);
        assertThat(malformed.body()).isNull();
        assertThat(malformed.raw().body()).startsWith("{");

        client.put("/admin/faults/customs/update", "{\"error\": \"500\", \"error_rate\": 1.0, \"remaining\": 1}",
                Map.of());
        assertThat(client.put(path, "{\"a\":4}", HEADERS).status()).isEqualTo(500);
        assertThat(client.put(path, "{\"a\":5}", HEADERS).status()).isEqualTo(204);
    }

    @Test
    void theAnswerCanBe200WithTheDeclarationAsTheProseSays() {
        JsonNode scenario = client.get("/admin/scenario", Map.of()).body();
        ((com.fasterxml.jackson.databind.node.ObjectNode) scenario.path("customs")).put("answer_with_body", true);
        client.post("/admin/scenario", Json.write(scenario), Map.of());
        SimulatorClient.Response answer = client.put("/api/v1/declarations/DEC-0004", "{\"a\":1}", HEADERS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("id").asText()).isEqualTo("DEC-0004");
        assertThat(answer.body().path("a").asInt()).isEqualTo(1);
    }
}

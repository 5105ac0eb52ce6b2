package tr.kopru.runtimeit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Log lines as Kubernetes gets them: one JSON object each ({@code kopru.log.json}), with personal data masked in the
 * message and in the exception alike.
 */
@QuarkusTest
@TestProfile(JsonLogIT.JsonLogs.class)
class JsonLogIT {

    private static final Logger LOG = Logger.getLogger(JsonLogIT.class);
    private static final Path LOG_FILE = Path.of("target/shared-runtime-it.json.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.file.path", LOG_FILE.toString(), "kopru.log.json", "true",
                    "quarkus.log.file.format", "%s%n", "quarkus.log.console.format", "%s%n");
        }
    }

    @Test
    void eachLineIsAJsonObjectWithPersonalDataMasked() throws Exception {
        String marker = "json-check-" + UUID.randomUUID();
        LOG.infof("%s taxpayer %s phone %s mail %s", marker, "10000000146", "05321234567",
                "ayse.yilmaz@example.com.tr");
        LOG.error(marker + " refused", new IllegalArgumentException("TCKN 10000000146 is blocked"));

        await().atMost(Duration.ofSeconds(10)).until(() -> lines().stream()
                .anyMatch(line -> line.path("message").asText().equals(marker + " refused")));
        List<JsonNode> lines = lines();
        JsonNode info = lines.stream().filter(line -> line.path("message").asText().startsWith(marker + " taxpayer"))
                .findFirst().orElseThrow();
        assertThat(info.path("level").asText()).isEqualTo("INFO");
        assertThat(info.path("loggerName").asText()).isEqualTo(JsonLogIT.class.getName());
        assertThat(info.path("timestamp").asText()).isNotBlank();
        assertThat(info.path("message").asText()).contains("taxpayer *********46", "mail a***@***");
        String written = Files.readString(LOG_FILE);
        JsonNode error = lines.stream().filter(line -> line.path("message").asText().equals(marker + " refused"))
                .findFirst().orElseThrow();
        assertThat(error.path("level").asText()).isEqualTo("ERROR");
        assertThat(error.path("stackTrace").asText())
                .startsWith("java.lang.IllegalArgumentException: TCKN *********46 is blocked");
        assertThat(lines).anyMatch(line -> line.path("loggerName").asText().startsWith("org.flywaydb"));
        assertThat(written).contains("*********46 is blocked")
                .doesNotContain("10000000146", "05321234567", "ayse.yilmaz@example.com.tr");
    }

    @Test
    void aRequestsLineCarriesTheIdsOfItsTraceAndSpan() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/v1/service-info").then().statusCode(200);

        JsonNode access = await().atMost(Duration.ofSeconds(10)).until(() -> lines().stream()
                .filter(line -> line.path("loggerName").asText().equals("kopru.access"))
                .filter(line -> line.path("traceId").asText().equals(traceId)).findFirst(), Optional::isPresent)
                .orElseThrow();
        assertThat(access.path("message").asText()).startsWith("GET /api/v1/service-info 200");
        assertThat(access.path("spanId").asText()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
    }

    private static List<JsonNode> lines() {
        try {
            return Files.readAllLines(LOG_FILE).stream().filter(line -> !line.isBlank()).map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (IOException e) {
                    throw new AssertionError("A log line that is not JSON: " + line, e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

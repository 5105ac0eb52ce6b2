package tr.kopru.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import tr.kopru.model.json.ContractJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * JSON over HTTP as the campaign's clients send it: one try answers the status and body, or nothing when the
 * connection failed or no answer came in time (which a client then retries).
 */
public final class ChaosHttp {

    /** An answer: its status and its body as JSON (missing when there was none). */
    public record Answer(int status, JsonNode body) {

        public JsonNode data() {
            return body.path("data");
        }

        public boolean serverError() {
            return status >= 500;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String apiKey;
    private final Duration timeout;

    public ChaosHttp(String apiKey, Duration timeout) {
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    /** One try; empty when the connection failed or timed out. */
    public Optional<Answer> send(String method, String url, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json(body)));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Answer(response.statusCode(), parse(response.body())));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** GET that must answer (for reading the simulator and the services once the faults have stopped). */
    public JsonNode get(String url) {
        return send("GET", url, null, Map.of()).filter(a -> a.status() < 400)
                .orElseThrow(() -> new IllegalStateException("GET " + url + " did not answer")).body();
    }

    public Answer post(String url, Object body) {
        return send("POST", url, body, Map.of())
                .orElseThrow(() -> new IllegalStateException("POST " + url + " did not answer"));
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return ContractJson.mapper().readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String text ? text : ContractJson.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

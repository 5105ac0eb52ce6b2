package tr.kopru.local.day;

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

/** JSON over HTTP to the services (with the local demo API key) and to the simulator. */
final class DayHttp {

    /** An answer: its status and its body as JSON (missing when there was none). */
    record Reply(int status, JsonNode body) {

        JsonNode data() {
            return body.path("data");
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiKey;

    DayHttp(String apiKey) {
        this.apiKey = apiKey;
    }

    Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), Map.of());
    }

    Reply post(String url, Object body) {
        return post(url, body, Map.of());
    }

    Reply post(String url, Object body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(json(body)), headers);
    }

    Reply put(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(json(body)), Map.of());
    }

    Reply delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE(), Map.of());
    }

    private Reply send(HttpRequest.Builder request, Map<String, String> headers) {
        request.timeout(Duration.ofSeconds(60)).header("X-API-Key", apiKey).header("Content-Type", "application/json");
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? MissingNode.getInstance()
                    : ContractJson.mapper().readTree(text);
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new WalkthroughFailure("cannot reach " + request.build().uri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalkthroughFailure("interrupted");
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                    : ContractJson.mapper().writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

package tr.kopru.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.console.ConsoleConfig;
import tr.kopru.console.auth.CurrentSession;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls the services' public REST APIs with the console's API key, naming the signed-in operator in
 * {@code X-On-Behalf-Of} so that the services' audit trails record who acted. Blocking: the console serves a few
 * people, and each page waits for its answers anyway.
 */
@ApplicationScoped
public class ServiceApi {

    private final ConsoleConfig config;
    private final CurrentSession session;
    private final ObjectMapper json;
    private final HttpClient http;

    public ServiceApi(ConsoleConfig config, CurrentSession session, ObjectMapper json) {
        this.config = config;
        this.session = session;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.callTimeout()).build();
    }

    /** GET {@code path} with {@code query} (null values left out). */
    public ServiceAnswer get(Service service, String path, Map<String, ?> query) {
        return send(service, request(service, path + query(query)).GET());
    }

    /** POST {@code body} as JSON to {@code path}. */
    public ServiceAnswer post(Service service, String path, Object body) {
        try {
            return send(service, request(service, path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request to " + service, e);
        }
    }

    /** GET {@code path} as it is (a CSV download), or the failure's answer. */
    public HttpResponse<byte[]> download(Service service, String path) {
        try {
            return http.send(request(service, path).setHeader("Accept", "text/csv").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ServiceUnreachable(service, service + " gave no answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachable(service, "interrupted", e);
        }
    }

    private HttpRequest.Builder request(Service service, String pathAndQuery) {
        String base = config.services().get(service.setting());
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(config.callTimeout())
                .header("Accept", "application/json").header("X-API-Key", config.apiKey())
                .header("X-On-Behalf-Of", session.get().username());
    }

    private ServiceAnswer send(Service service, HttpRequest.Builder request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ServiceUnreachable(service, service + " gave no answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachable(service, "interrupted", e);
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (body == null || !body.has("success")) {
                throw new ServiceUnreachable(service, service + " answered HTTP " + response.statusCode()
                        + " outside the house envelope", null);
            }
            return new ServiceAnswer(response.statusCode(), body);
        } catch (IOException e) {
            throw new ServiceUnreachable(service, service + " answered HTTP " + response.statusCode()
                    + " with something that is not JSON", e);
        }
    }

    private static String query(Map<String, ?> query) {
        String text = query.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().toString().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return text.isEmpty() ? "" : "?" + text;
    }
}

package tr.kopru.testsupport.fuzz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzzer against a small server of its own: one that answers every request by the rules passes, and each way a
 * server can break them (a 5xx, an undocumented status, an error outside the envelope) is caught.
 */
class OpenApiFuzzTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
              "/api/v1/things/{id}": {"post": {
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}},
                               {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 10}}],
                "requestBody": {"content": {"application/json": {"schema": {"type": "object",
                  "required": ["name"], "properties": {"name": {"type": "string", "maxLength": 8},
                  "count": {"type": "integer"}}}}}},
                "responses": {"201": {"description": "made"}, "400": {"description": "bad"},
                              "401": {"description": "no key"}, "404": {"description": "none"},
                              "413": {"description": "big"}, "415": {"description": "type"},
                              "422": {"description": "invalid"}}}}}}
            """;
    private static final String ENVELOPE = "{\"success\": false, \"message\": \"no\"}";

    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aServerThatKeepsTheRulesPasses() throws IOException {
        FuzzReport report = fuzz(exchange -> answer(exchange, 422, ENVELOPE, "application/json"));
        assertThat(report.requests()).isGreaterThanOrEqualTo(60);
        assertThat(report.failures()).isEmpty();
        assertThat(report.statuses()).containsOnlyKeys(401, 422);
    }

    @Test
    void aServerFailingOnAHostileBodyIsCaught() throws IOException {
        FuzzReport report = fuzz(exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean parsable = body.startsWith("{") && body.endsWith("}") && !body.contains("'");
            answer(exchange, parsable ? 422 : 500, parsable ? ENVELOPE : "oops", "text/plain");
        });
        assertThat(report.failures()).anyMatch(failure -> failure.contains("-> 500: a 5xx"));
    }

    @Test
    void anUndocumentedStatusAndAnErrorOutsideTheEnvelopeAreCaught() throws IOException {
        FuzzReport report = fuzz(exchange -> answer(exchange, exchange.getRequestURI().getQuery() == null ? 409 : 400,
                "", "text/plain"));
        assertThat(report.failures()).anyMatch(failure -> failure.contains("-> 409: a status the operation does not"));
        assertThat(report.failures())
                .anyMatch(failure -> failure.contains("-> 400: an error answered as 'text/plain'"));
    }

    private FuzzReport fuzz(Handler api) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/openapi", exchange -> answer(exchange, 200, DOCUMENT, "application/json"));
        server.createContext("/q/health/ready", exchange -> answer(exchange, 200, "{}", "application/json"));
        server.createContext("/api/", exchange -> {
            if (!"good-key".equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
                answer(exchange, 401, ENVELOPE, "application/json");
            } else {
                api.handle(exchange);
            }
        });
        server.start();
        return OpenApiFuzz.against("http://127.0.0.1:" + server.getAddress().getPort(), "good-key", 7L).run(60);
    }

    private static void answer(HttpExchange exchange, int status, String body, String type) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}

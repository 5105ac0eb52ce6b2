package tr.kopru.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tr.kopru.testsupport.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded fuzz run against a running service, planned from its own {@code /q/openapi}: for every operation under
 * {@code /api/} a valid request and mutated ones ({@link Mutations}), then a few with a missing or wrong API key
 * (last, since failed authentications are rate-limited per address). Each answer must be below 500, one of the
 * statuses the operation documents, and, for an error, the house envelope ({@code success: false} and a
 * {@code message}); afterwards the service must still be ready.
 */
public final class OpenApiFuzz {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int BAD_KEY_CASES = 4;

    private final String base;
    private final String apiKey;
    private final Random random;
    private final SchemaValues values;
    private final Mutations mutations;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private OpenApiFuzz(String base, String apiKey, long seed) {
        this.base = base;
        this.apiKey = apiKey;
        this.random = new Random(seed);
        this.values = new SchemaValues(random);
        this.mutations = new Mutations(random, values);
    }

    /** A run against the service at {@code base} ({@code http://localhost:8081}), with a key holding every scope. */
    public static OpenApiFuzz against(String base, String apiKey, long seed) {
        return new OpenApiFuzz(base, apiKey, seed);
    }

    /** A run against the service of the Quarkus test running now. */
    public static OpenApiFuzz againstServiceUnderTest(String apiKey, long seed) {
        return against("http://localhost:" + RestAssured.port, apiKey, seed);
    }

    /** Sends about {@code budget} requests, spread evenly over the operations, and reports what broke the rules. */
    public FuzzReport run(int budget) {
        List<Target> targets = targets(document());
        if (targets.isEmpty()) {
            throw new IllegalStateException("The OpenAPI document of " + base + " lists no operation under /api/");
        }
        int perTarget = Math.max(8, (budget + targets.size() - 1) / targets.size());
        List<FuzzCase> cases = new ArrayList<>();
        for (Target target : targets) {
            cases.add(request(target, "valid", apiKey));
            for (int i = 1; i < perTarget; i++) {
                cases.add(request(target, mutationFor(target), apiKey));
            }
        }
        for (int i = 0; i < BAD_KEY_CASES; i++) {
            Target target = targets.get(random.nextInt(targets.size()));
            cases.add(request(target, "bad-key", List.of("", "no-such-key", "ş\u0000").get(i % 3)));
        }
        FuzzReport report = new FuzzReport();
        for (FuzzCase fuzzCase : cases) {
            check(fuzzCase, report);
        }
        int ready = readiness();
        if (ready != 200) {
            report.failed(new FuzzCase(null, "GET", "after the run", "/q/health/ready", Map.of(),
                    null, null), ready, "the service is not ready after the run", null);
        }
        keep("report.txt", report.summary() + "\n" + String.join("\n", report.failures()) + "\n");
        return report;
    }

    private OpenAPI document() {
        HttpResponse<String> answer = send("GET", "/q/openapi?format=json", Map.of(), null, null);
        keep("openapi.json", answer.body());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(answer.body(), null, options);
        if (parsed.getOpenAPI() == null) {
            throw new IllegalStateException("The OpenAPI document cannot be read: " + parsed.getMessages());
        }
        return parsed.getOpenAPI();
    }

    /** What a run read and found, under target/fuzz/, for whoever looks into a failure. */
    static void keep(String name, String text) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "fuzz"));
            Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Target> targets(OpenAPI document) {
        List<Target> targets = new ArrayList<>();
        document.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) ->
                        targets.add(Target.of(method.name(), path, operation)));
            }
        });
        return targets;
    }

    private String mutationFor(Target target) {
        List<String> applicable = new ArrayList<>(Mutations.PARAMETER);
        if (target.body() != null) {
            applicable.addAll(Mutations.BODY);
            applicable.addAll(Mutations.BODY);
        }
        return applicable.get(random.nextInt(applicable.size()));
    }

    private FuzzCase request(Target target, String mutation, String key) {
        List<Parameter> mutable = new ArrayList<>(target.in("path"));
        mutable.addAll(target.in("query"));
        Parameter mutated = mutation.startsWith("parameter-") && !mutable.isEmpty()
                ? mutable.get(random.nextInt(mutable.size())) : null;

        String path = target.path();
        for (Parameter parameter : target.in("path")) {
            path = path.replace("{" + parameter.getName() + "}", value(parameter, mutated, mutation));
        }
        List<String> query = new ArrayList<>();
        for (Parameter parameter : target.in("query")) {
            if (parameter == mutated || Boolean.TRUE.equals(parameter.getRequired()) || random.nextBoolean()) {
                query.add(Mutations.encode(parameter.getName()) + "=" + value(parameter, mutated, mutation));
            }
        }
        if (mutation.equals("unknown-parameter")) {
            query.add("no_such_parameter=" + Mutations.encode(values.text(1, 8)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : target.in("header")) {
            if (Boolean.TRUE.equals(parameter.getRequired()) || random.nextBoolean()) {
                headers.put(parameter.getName(), values.asciiText(8, 32));
            }
        }
        String body = null;
        if (target.body() != null) {
            JsonNode valid = values.valid(target.body());
            body = Mutations.BODY.contains(mutation) ? mutations.body(mutation, valid) : valid.toString();
            headers.put("Content-Type", mutation.equals("wrong-content-type") ? "text/plain" : "application/json");
        }
        String full = query.isEmpty() ? path : path + "?" + String.join("&", query);
        return new FuzzCase(target, target.method(), mutation, full, headers, body, key);
    }

    private String value(Parameter parameter, Parameter mutated, String mutation) {
        String valid = values.parameter(parameter.getSchema());
        return parameter == mutated ? mutations.parameter(mutation, valid) : Mutations.encode(valid);
    }

    private void check(FuzzCase fuzzCase, FuzzReport report) {
        HttpResponse<String> answer;
        try {
            answer = send(fuzzCase.method(), fuzzCase.path(), fuzzCase.headers(), fuzzCase.body(), fuzzCase.apiKey());
        } catch (IllegalStateException e) {
            report.sent(fuzzCase, 0);
            report.failed(fuzzCase, 0, "no answer: " + e.getMessage(), null);
            return;
        }
        int status = answer.statusCode();
        report.sent(fuzzCase, status);
        Target target = fuzzCase.target();
        if (status >= 500) {
            report.failed(fuzzCase, status, "a 5xx", answer.body());
        } else if (!target.documents(status)) {
            report.failed(fuzzCase, status, "a status the operation does not document " + target.statuses(),
                    answer.body());
        } else if (status >= 400) {
            String problem = envelopeProblem(answer);
            if (problem != null) {
                report.failed(fuzzCase, status, problem, answer.body());
            }
        }
    }

    private static String envelopeProblem(HttpResponse<String> answer) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            return "an error answered as '" + type + "', not in the JSON envelope";
        }
        JsonNode envelope;
        try {
            envelope = Api.json(answer.body());
        } catch (RuntimeException e) {
            return "an error whose body is not JSON";
        }
        if (!envelope.path("success").isBoolean() || envelope.path("success").booleanValue()) {
            return "an error without success: false";
        }
        if (!envelope.path("message").isTextual() || envelope.path("message").textValue().isBlank()) {
            return "an error without a message";
        }
        return null;
    }

    private int readiness() {
        return send("GET", "/q/health/ready", Map.of(), null, null).statusCode();
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String body,
                                      String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        if (key != null && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            request.header("X-API-Key", key);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package tr.kopru.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Calls the simulator as the real clients would, for its tests. */
final class SimulatorClient {

    static final DateTimeFormatter REQUEST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Duration timeout;

    SimulatorClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(10));
    }

    private SimulatorClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    /** The same client, giving up on an answer after {@code timeout}. */
    SimulatorClient withTimeout(Duration timeout) {
        return new SimulatorClient(baseUrl, timeout);
    }

    record Response(int status, JsonNode body, HttpResponse<String> raw) {
    }

    Response post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    Response put(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        return send(builder.GET().build());
    }

    /** A FlexCity call: form body, signed Authorization header for {@code now}. */
    Response flexCity(String institution, String method, Map<String, String> form, String key, String securityCode,
                      ZonedDateTime now) {
        String requestDate = REQUEST_DATE.format(now);
        String authorization = "applicationkey=" + key + ",requestdate=" + requestDate + ",md5hashcode="
                + md5(securityCode + requestDate);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String module = switch (method) {
            case "FindAllSbsMuhatapGenel", "FindALLSbsBirlesenMuhatapBilgileriDtoByTarihAraligi" -> "sbs";
            case "FindSicilAndBeyanIdByParameterDto", "FindAysSozlesmeTesisatNoByAboneNoAndSicil" -> "ays";
            default -> "bgs";
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/flexcity/" + institution
                        + "/FlexCityUi/rest/json/" + module + "/" + method))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request);
    }

    static String md5(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), Json.parse(response.body()), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

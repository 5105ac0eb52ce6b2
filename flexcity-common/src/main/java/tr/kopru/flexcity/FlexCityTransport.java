package tr.kopru.flexcity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sends FlexCity calls to the right institution, signed, and hands back the parsed answer. Reads may be tried again
 * ({@link #read}); writes never are ({@link #write}): a write without an answer has an unknown outcome, for the
 * caller to resolve by asking the upstream.
 */
@ApplicationScoped
public class FlexCityTransport {

    private final FlexCityConfig config;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, FlexCityRestClient> clients = new ConcurrentHashMap<>();
    private final Map<FlexCityMethod, String[]> paths = new EnumMap<>(FlexCityMethod.class);

    public FlexCityTransport(FlexCityConfig config, Config rawConfig, Clock clock) {
        this.config = config;
        this.clock = clock;
        // Looked up once, not per call: configuration does not change while the service runs.
        for (FlexCityMethod method : FlexCityMethod.values()) {
            paths.put(method, rawConfig.getOptionalValue("kopru.flexcity.method-paths." + method.upstreamName(),
                    String.class).orElse(method.defaultPath()).split("/", 2));
        }
    }

    /** The institutions configured, by our code. */
    public Set<String> institutions() {
        return config.institutions().keySet();
    }

    /** The configuration of one institution; {@link UnknownInstitutionException} when it is not configured. */
    public FlexCityConfig.Institution institution(String code) {
        FlexCityConfig.Institution institution = config.institutions().get(code);
        if (institution == null) {
            throw new UnknownInstitutionException(code);
        }
        return institution;
    }

    /**
     * An idempotent call: retried with backoff when the upstream does not answer. While FlexCity keeps failing the
     * breaker opens and calls fail at once ({@code CircuitBreakerOpenException}), sending nothing.
     */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 15, delayUnit = ChronoUnit.SECONDS,
            failOn = FlexCityUnavailableException.class)
    public Uni<FlexCityAnswer> read(String institution, FlexCityMethod method, Map<String, String> form) {
        return Uni.createFrom().deferred(() -> send(institution, method, form))
                .onFailure(FlexCityUnavailableException.class).retry()
                .withBackOff(config.readBackoff(), config.readBackoff().multipliedBy(8))
                .atMost(Math.max(0, config.readAttempts() - 1));
    }

    /**
     * A read whose answer is a (possibly very long) list of receipts, parsed straight into them rather than into a
     * JSON tree: TahsilIcmaliDetay of a busy desk. Retried like {@link #read}.
     */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 15, delayUnit = ChronoUnit.SECONDS,
            failOn = FlexCityUnavailableException.class)
    public Uni<List<FlexCityReceipt>> readReceipts(String institution, FlexCityMethod method, Map<String, String> form) {
        return Uni.createFrom().deferred(() -> exchange(institution, method, form)
                        .map(response -> body(institution, method, response, FlexCityReceiptList::read)))
                .onFailure(FlexCityUnavailableException.class).retry()
                .withBackOff(config.readBackoff(), config.readBackoff().multipliedBy(8))
                .atMost(Math.max(0, config.readAttempts() - 1))
                .map(FlexCityReceiptList::receiptsOrThrow);
    }

    /** A call that changes upstream state: sent once (or not at all while the breaker is open). */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 15, delayUnit = ChronoUnit.SECONDS,
            failOn = FlexCityUnavailableException.class)
    public Uni<FlexCityAnswer> write(String institution, FlexCityMethod method, Map<String, String> form) {
        return Uni.createFrom().deferred(() -> send(institution, method, form));
    }

    private Uni<FlexCityAnswer> send(String code, FlexCityMethod method, Map<String, String> form) {
        return exchange(code, method, form).map(response -> new FlexCityAnswer(body(code, method, response, bytes -> {
            JsonNode body = json.readTree(bytes);
            if (body == null || !body.isObject()) {
                throw new FlexCityProtocolException("FlexCity " + code + " " + method.upstreamName()
                        + " answered without a JSON object");
            }
            return body;
        })));
    }

    private Uni<Response> exchange(String code, FlexCityMethod method, Map<String, String> form) {
        FlexCityConfig.Institution institution = institution(code);
        String[] path = paths.get(method);
        String authorization = FlexCitySignature.header(institution.applicationKey(), institution.securityCode(),
                clock.instant(), institution.forwardedFor());
        MultivaluedMap<String, String> body = new MultivaluedHashMap<>();
        form.forEach((name, value) -> body.add(name, value == null ? "null" : value));
        return client(code, institution).call(path[0], path[1], authorization, body)
                .onFailure().transform(f -> new FlexCityUnavailableException(
                        "FlexCity " + code + " " + method.upstreamName() + " gave no answer: " + f.getMessage(), f));
    }

    /** Something that reads an answer's bytes. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(byte[] bytes) throws java.io.IOException;
    }

    private static <T> T body(String code, FlexCityMethod method, Response response, BodyReader<T> reader) {
        try (response) {
            if (response.getStatus() >= 300) {
                throw new FlexCityUnavailableException("FlexCity " + code + " " + method.upstreamName()
                        + " answered HTTP " + response.getStatus(), null);
            }
            byte[] bytes = response.readEntity(byte[].class);
            if (bytes == null || bytes.length == 0) {
                throw new FlexCityProtocolException("FlexCity " + code + " " + method.upstreamName()
                        + " answered with an empty body");
            }
            return reader.read(bytes);
        } catch (java.io.IOException e) {
            throw new FlexCityProtocolException("FlexCity " + code + " " + method.upstreamName()
                    + " answered something that is not JSON: " + e.getMessage());
        }
    }

    private FlexCityRestClient client(String code, FlexCityConfig.Institution institution) {
        return clients.computeIfAbsent(code, c -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(institution.baseUrl().endsWith("/") ? institution.baseUrl()
                        : institution.baseUrl() + "/"))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(FlexCityRestClient.class));
    }
}

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
import tr.kopru.runtime.tracing.Tracing;
import tr.kopru.runtime.upstream.UpstreamTargets;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
    private final UpstreamTargets<FlexCityRestClient> targets;
    private final Map<FlexCityMethod, String[]> paths = new EnumMap<>(FlexCityMethod.class);

    public FlexCityTransport(FlexCityConfig config, Config rawConfig, Clock clock, Tracing tracing) {
        this.config = config;
        this.clock = clock;
        FlexCityConfig.Breaker breaker = config.breaker();
        this.targets = new UpstreamTargets<>("FlexCity", this::build, FlexCityUnavailableException.class,
                new UpstreamTargets.BreakerSettings(breaker.requestVolume(), breaker.failureRatio(), breaker.delay()),
                tracing);
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
     * An idempotent call: retried with backoff when the upstream does not answer. While the institution's FlexCity
     * keeps failing its read breaker opens and calls fail at once ({@code CircuitBreakerOpenException}), sending
     * nothing; other institutions are not affected.
     */
    public Uni<FlexCityAnswer> read(String institution, FlexCityMethod method, Map<String, String> form) {
        return targets.guarded(institution, UpstreamTargets.Call.READ, method.upstreamName(),
                () -> retried(() -> send(institution, method, form)));
    }

    /**
     * A read whose answer is a (possibly very long) list of receipts, parsed straight into them rather than into a
     * JSON tree: TahsilIcmaliDetay of a busy desk. Retried like {@link #read}.
     */
    public Uni<List<FlexCityReceipt>> readReceipts(String institution, FlexCityMethod method, Map<String, String> form) {
        return targets.guarded(institution, UpstreamTargets.Call.READ, method.upstreamName(),
                        () -> retried(() -> exchange(institution, method, form)
                                .map(response -> body(institution, method, response, FlexCityReceiptList::read))))
                .map(FlexCityReceiptList::receiptsOrThrow);
    }

    /**
     * A call that changes upstream state: sent once, or not at all while the institution's write breaker is open
     * ({@code CircuitBreakerOpenException}: certainly not done).
     */
    public Uni<FlexCityAnswer> write(String institution, FlexCityMethod method, Map<String, String> form) {
        return targets.guarded(institution, UpstreamTargets.Call.WRITE, method.upstreamName(),
                () -> Uni.createFrom().deferred(() -> send(institution, method, form)));
    }

    private <T> Uni<T> retried(Supplier<Uni<? extends T>> call) {
        return Uni.createFrom().deferred(call)
                .onFailure(FlexCityUnavailableException.class).retry()
                .withBackOff(config.readBackoff(), config.readBackoff().multipliedBy(8))
                .atMost(Math.max(0, config.readAttempts() - 1));
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
        return targets.client(code).call(path[0], path[1], authorization, body)
                .onFailure().transform(f -> new FlexCityUnavailableException(
                        "FlexCity " + code + " " + method.upstreamName() + " gave no answer: " + f.getMessage(), f));
    }

    /** Something that reads an answer's bytes. */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(byte[] bytes) throws IOException;
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
        } catch (IOException e) {
            throw new FlexCityProtocolException("FlexCity " + code + " " + method.upstreamName()
                    + " answered something that is not JSON: " + e.getMessage());
        }
    }

    private FlexCityRestClient build(String code) {
        String baseUrl = institution(code).baseUrl();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(FlexCityRestClient.class);
    }
}

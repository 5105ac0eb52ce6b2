package tr.kopru.declaration.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import tr.kopru.declaration.config.CustomsConfig;
import tr.kopru.declaration.domain.DeclarationJson;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sends a partial declaration update to a customs environment: {@code PUT /api/v1/declarations/{id}} with the bearer
 * token, JSON and {@code X-Target-Server}. Accepted and refused are answers; no answer, a 5xx or a 429 is
 * {@link CustomsUnavailableException}, and while those keep coming the breaker opens and nothing is sent.
 */
@ApplicationScoped
public class CustomsClient {

    private static final int MAX_REASON = 500;

    private final CustomsConfig config;
    private final Map<String, CustomsRestClient> clients = new ConcurrentHashMap<>();

    public CustomsClient(CustomsConfig config) {
        this.config = config;
    }

    public Set<String> targets() {
        return config.targets().keySet();
    }

    /** The configuration of one environment; {@link UnknownTargetException} when there is none. */
    public CustomsConfig.Target target(String name) {
        CustomsConfig.Target target = config.targets().get(name);
        if (target == null) {
            throw new UnknownTargetException(name);
        }
        return target;
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 15, delayUnit = ChronoUnit.SECONDS,
            failOn = CustomsUnavailableException.class)
    public Uni<CustomsAnswer> update(String targetName, String targetServer, String declarationId, JsonNode body) {
        return Uni.createFrom().deferred(() -> {
            CustomsConfig.Target target = target(targetName);
            return client(targetName, target).update(declarationId, "Bearer " + target.token(), targetServer,
                    DeclarationJson.bytes(body));
        }).onFailure(f -> !(f instanceof UnknownTargetException)).transform(f -> new CustomsUnavailableException(
                "customs " + targetName + " gave no answer: " + f.getMessage(), null, f))
                .map(this::answer);
    }

    private CustomsAnswer answer(Response response) {
        try (response) {
            int status = response.getStatus();
            if (status == 200 || status == 204) {
                return new CustomsAnswer(status, true, null);
            }
            String reason = reason(response);
            if (status >= 500 || status == 429 || status == 408) {
                throw new CustomsUnavailableException("customs answered HTTP " + status + ": " + reason, status, null);
            }
            return new CustomsAnswer(status, false, reason);
        }
    }

    /** The upstream's own words: its message field when the body is JSON, else the text itself. */
    private String reason(Response response) {
        String text = response.hasEntity() ? response.readEntity(String.class) : "";
        if (text == null || text.isBlank()) {
            return "HTTP " + response.getStatus() + " without a body";
        }
        try {
            JsonNode body = DeclarationJson.MAPPER.readTree(text);
            for (String field : new String[] {"message", "error", "detail", "title", "errors"}) {
                JsonNode value = body.path(field);
                if (!value.isMissingNode() && !value.isNull()) {
                    return shorten(value.isTextual() ? value.asText() : value.toString());
                }
            }
        } catch (java.io.IOException notJson) {
            // plain text: taken as it is
        }
        return shorten(text);
    }

    private static String shorten(String text) {
        String flat = text.strip();
        return flat.length() <= MAX_REASON ? flat : flat.substring(0, MAX_REASON) + "…";
    }

    private CustomsRestClient client(String name, CustomsConfig.Target target) {
        return clients.computeIfAbsent(name, n -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(target.baseUrl().endsWith("/") ? target.baseUrl() : target.baseUrl() + "/"))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(CustomsRestClient.class));
    }
}

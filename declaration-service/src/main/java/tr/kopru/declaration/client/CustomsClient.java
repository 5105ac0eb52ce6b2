package tr.kopru.declaration.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import tr.kopru.declaration.config.CustomsConfig;
import tr.kopru.declaration.domain.DeclarationJson;
import tr.kopru.runtime.tracing.Tracing;
import tr.kopru.runtime.upstream.UpstreamTargets;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a partial declaration update to a customs environment: {@code PUT /api/v1/declarations/{id}} with the bearer
 * token, JSON and {@code X-Target-Server}. Accepted and refused are answers; no answer, a 5xx or a 429 is
 * {@link CustomsUnavailableException}, and while those keep coming the breaker opens and nothing is sent.
 */
@ApplicationScoped
public class CustomsClient {

    private static final int MAX_REASON = 500;

    /** A target's breaker: open after 8 of 10 calls without an answer, for {@link #BREAKER_DELAY}. */
    public static final Duration BREAKER_DELAY = Duration.ofSeconds(15);

    private final CustomsConfig config;
    private final UpstreamTargets<CustomsRestClient> targets;

    public CustomsClient(CustomsConfig config, Tracing tracing) {
        this.config = config;
        this.targets = new UpstreamTargets<>("customs", this::build, CustomsUnavailableException.class,
                new UpstreamTargets.BreakerSettings(10, 0.8, BREAKER_DELAY), tracing);
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

    /**
     * The longest a call may take: its connect and read timeouts. A call still without an answer then is given up,
     * however slowly bytes still trickle in.
     */
    public Duration longestCall() {
        return config.connectTimeout().plus(config.readTimeout());
    }

    /** The update, behind the target's own breaker: one failing environment never stops another. */
    public Uni<CustomsAnswer> update(String targetName, String targetServer, String declarationId, JsonNode body) {
        return Uni.createFrom().deferred(() -> {
            CustomsConfig.Target target = target(targetName);
            return targets.guarded(targetName, UpstreamTargets.Call.WRITE, "declaration-update",
                    () -> Uni.createFrom().deferred(() ->
                            targets.client(targetName).update(declarationId, "Bearer " + target.token(),
                                    targetServer, DeclarationJson.bytes(body)))
                    .ifNoItem().after(longestCall()).failWith(() -> new TimeoutException(
                            "no answer within " + longestCall().toMillis() + " ms"))
                    .onFailure().transform(f -> new CustomsUnavailableException(
                            "customs " + targetName + " gave no answer: " + f.getMessage(), null, f))
                    .map(this::answer));
        });
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
        } catch (IOException notJson) {
            // plain text: taken as it is
        }
        return shorten(text);
    }

    private static String shorten(String text) {
        String flat = text.strip();
        return flat.length() <= MAX_REASON ? flat : flat.substring(0, MAX_REASON) + "…";
    }

    private CustomsRestClient build(String name) {
        String baseUrl = target(name).baseUrl();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(CustomsRestClient.class);
    }
}

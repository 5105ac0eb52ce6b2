package tr.kopru.runtime.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.logging.Logger;
import jakarta.ws.rs.core.Response;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import tr.kopru.runtime.rest.AccessLog;
import tr.kopru.runtime.rest.ErrorResponses;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import tr.kopru.model.rest.ApiError;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Admits a request to our REST API only with a valid {@code X-API-Key}: 401 for a missing, unknown, disabled,
 * expired or not-yet-valid key, 403 for a missing scope or a client address the key does not allow. Health,
 * metrics and OpenAPI under {@code /q/} are not JAX-RS resources and stay open. The key itself is never logged.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";

    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);

    private final ApiKeyRegistry registry;
    private final Clock clock;
    private final ApiCaller caller;
    private final CallerAddress addresses;
    private final FailedAuthentications failures;
    private final CurrentVertxRequest current;

    public ApiKeyFilter(ApiKeyRegistry registry, Clock clock, ApiCaller caller, CallerAddress addresses,
                        FailedAuthentications failures, CurrentVertxRequest current) {
        this.registry = registry;
        this.clock = clock;
        this.caller = caller;
        this.addresses = addresses;
        this.failures = failures;
        this.current = current;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource,
                                                         HttpServerRequest httpRequest) {
        if (annotation(resource, PublicEndpoint.class) != null) {
            return Optional.empty();
        }
        String peer = httpRequest.remoteAddress() == null ? "" : httpRequest.remoteAddress().hostAddress();
        String clientIp = addresses.of(peer, request.getHeaderString(CallerAddress.FORWARDED_FOR));
        AccessLog.note(current.getCurrent(), AccessLog.CALLER, clientIp);
        Optional<Duration> blocked = failures.blockedFor(clientIp);
        if (blocked.isPresent()) {
            long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
            return Optional.of(Response.fromResponse(ErrorResponses.of(429, ApiError.of("Too many failed "
                    + "authentications from " + clientIp + "; try again in " + seconds + " s")))
                    .header("Retry-After", Long.toString(seconds)).build());
        }
        String presented = request.getHeaderString(HEADER);
        if (presented == null || presented.isBlank()) {
            return unauthenticated(clientIp, "Missing API key: send it in the " + HEADER + " header");
        }
        Optional<ApiKey> found = registry.find(presented.trim());
        if (found.isEmpty()) {
            return unauthenticated(clientIp, "Unknown API key");
        }
        ApiKey key = found.get();
        Instant now = clock.instant();
        if (!key.active()) {
            return unauthenticated(clientIp, "API key " + key.id() + " is disabled");
        }
        if (now.isBefore(key.validFrom())) {
            return unauthenticated(clientIp, "API key " + key.id() + " is not valid before " + key.validFrom());
        }
        if (!now.isBefore(key.validUntil())) {
            return unauthenticated(clientIp, "API key " + key.id() + " expired at " + key.validUntil());
        }
        if (!key.allowsIp(clientIp)) {
            LOG.infof("API key %s refused from address %s", key.id(), clientIp);
            return deny(403, "API key " + key.id() + " may not be used from " + clientIp);
        }
        RequiresScope scope = annotation(resource, RequiresScope.class);
        if (scope != null && !key.scopes().contains(scope.value())) {
            return deny(403, "API key " + key.id() + " lacks the scope " + scope.value());
        }
        String onBehalfOf = request.getHeaderString(ApiCaller.ON_BEHALF_OF);
        if (onBehalfOf != null && !ApiCaller.validPerson(onBehalfOf)) {
            return Optional.of(ErrorResponses.of(422, ApiError.of("Header " + ApiCaller.ON_BEHALF_OF
                    + " must be 1 to 64 letters, digits or . _ @ -")));
        }
        caller.accept(key, onBehalfOf);
        AccessLog.note(current.getCurrent(), AccessLog.KEY_ID, key.id());
        return Optional.empty();
    }

    /** A 401, counted against the caller's address. */
    private Optional<Response> unauthenticated(String clientIp, String message) {
        failures.failed(clientIp);
        return deny(401, message);
    }

    private static Optional<Response> deny(int status, String message) {
        return Optional.of(ErrorResponses.of(status, ApiError.of(message)));
    }

    private static <A extends Annotation> A annotation(ResourceInfo resource, Class<A> type) {
        A onMethod = annotationOn(resource.getResourceMethod(), type);
        return onMethod != null ? onMethod : annotationOn(resource.getResourceClass(), type);
    }

    private static <A extends Annotation> A annotationOn(AnnotatedElement element, Class<A> type) {
        return element == null ? null : element.getAnnotation(type);
    }
}

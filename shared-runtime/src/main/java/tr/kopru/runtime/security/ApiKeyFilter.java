package tr.kopru.runtime.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.logging.Logger;
import jakarta.ws.rs.core.Response;
import tr.kopru.runtime.rest.ErrorResponses;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import tr.kopru.model.rest.ApiError;

import java.lang.reflect.AnnotatedElement;
import java.time.Clock;
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

    public ApiKeyFilter(ApiKeyRegistry registry, Clock clock, ApiCaller caller) {
        this.registry = registry;
        this.clock = clock;
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource,
                                                         HttpServerRequest httpRequest) {
        if (annotation(resource, PublicEndpoint.class) != null) {
            return Optional.empty();
        }
        String presented = request.getHeaderString(HEADER);
        if (presented == null || presented.isBlank()) {
            return deny(401, "Missing API key: send it in the " + HEADER + " header");
        }
        Optional<ApiKey> found = registry.find(presented.trim());
        if (found.isEmpty()) {
            return deny(401, "Unknown API key");
        }
        ApiKey key = found.get();
        Instant now = clock.instant();
        if (!key.active()) {
            return deny(401, "API key " + key.id() + " is disabled");
        }
        if (now.isBefore(key.validFrom())) {
            return deny(401, "API key " + key.id() + " is not valid before " + key.validFrom());
        }
        if (!now.isBefore(key.validUntil())) {
            return deny(401, "API key " + key.id() + " expired at " + key.validUntil());
        }
        String clientIp = httpRequest.remoteAddress() == null ? "" : httpRequest.remoteAddress().hostAddress();
        if (!key.allowsIp(clientIp)) {
            LOG.infof("API key %s refused from address %s", key.id(), clientIp);
            return deny(403, "API key " + key.id() + " may not be used from " + clientIp);
        }
        RequiresScope scope = annotation(resource, RequiresScope.class);
        if (scope != null && !key.scopes().contains(scope.value())) {
            return deny(403, "API key " + key.id() + " lacks the scope " + scope.value());
        }
        caller.accept(key);
        return Optional.empty();
    }

    private static Optional<Response> deny(int status, String message) {
        return Optional.of(ErrorResponses.of(status, ApiError.of(message)));
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(ResourceInfo resource, Class<A> type) {
        A onMethod = annotationOn(resource.getResourceMethod(), type);
        return onMethod != null ? onMethod : annotationOn(resource.getResourceClass(), type);
    }

    private static <A extends java.lang.annotation.Annotation> A annotationOn(AnnotatedElement element, Class<A> type) {
        return element == null ? null : element.getAnnotation(type);
    }
}

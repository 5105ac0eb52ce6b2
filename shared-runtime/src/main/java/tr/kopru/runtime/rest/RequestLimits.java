package tr.kopru.runtime.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import tr.kopru.model.rest.ApiError;

import java.util.Map;

/**
 * The size limits of a request, checked before anything reads it and answered in the house envelope: an address
 * longer than {@code kopru.http.max-uri-length} characters is a 414, headers larger than
 * {@code kopru.http.max-header-size} a 431, a declared body larger than {@code kopru.http.max-body-size} a 413 (a body
 * sent without its length is counted as it is read, see {@link BodyLimit}).
 * <p>
 * The HTTP server's own limits ({@code quarkus.http.limits.*}) are set above these, since it answers with a bare
 * status; only what exceeds them too (a body beyond 4 MB sent without its length, headers beyond 64 KB) meets that.
 */
@ApplicationScoped
public class RequestLimits {

    private final ObjectMapper json;
    private final long maxBody;
    private final long maxHeaders;
    private final int maxUri;

    public RequestLimits(
            ObjectMapper json,
            @ConfigProperty(name = "kopru.http.max-body-size", defaultValue = "1M") MemorySize maxBody,
            @ConfigProperty(name = "kopru.http.max-header-size", defaultValue = "16K") MemorySize maxHeaders,
            @ConfigProperty(name = "kopru.http.max-uri-length", defaultValue = "8192") int maxUri) {
        this.json = json;
        this.maxBody = maxBody.asLongValue();
        this.maxHeaders = maxHeaders.asLongValue();
        this.maxUri = maxUri;
    }

    /** Ahead of the HTTP server's own body-size check (order -2) and of the access log, which records the refusal. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    public long maxBody() {
        return maxBody;
    }

    /** The body limit as a caller reads it. */
    public String bodyLimitText() {
        return "The request body is larger than " + readable(maxBody) + "; send less in one request";
    }

    private void check(RoutingContext ctx) {
        if (ctx.request().uri().length() > maxUri) {
            refuse(ctx, 414, "The request's address is longer than " + maxUri + " characters");
        } else if (headerBytes(ctx.request().headers()) > maxHeaders) {
            refuse(ctx, 431, "The request's headers are larger than " + readable(maxHeaders));
        } else if (declaredLength(ctx) > maxBody) {
            refuse(ctx, 413, bodyLimitText());
        } else {
            ctx.next();
        }
    }

    private static long headerBytes(MultiMap headers) {
        long total = 0;
        for (Map.Entry<String, String> header : headers) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The rest of the request is not read: the connection closes after the answer. */
    private void refuse(RoutingContext ctx, int status, String message) {
        ErrorResponses.send(ctx.response().putHeader(HttpHeaders.CONNECTION, "close"), json, status,
                ApiError.of(message));
    }

    static String readable(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}

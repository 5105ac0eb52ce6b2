package tr.kopru.runtime.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Locale;

/**
 * One line per API call in the log category {@code kopru.access}: method, path (without the query string), status,
 * time spent, the API key it was made with (its id, never its secret; "-" when none was accepted) and the caller's
 * address. Personal data in a path is masked like in every log line.
 */
@ApplicationScoped
public class AccessLog {

    /** Where the API-key filter leaves the accepted key's id for this line. */
    public static final String KEY_ID = "kopru.access.key-id";
    /** Where the API-key filter leaves the caller's address for this line. */
    public static final String CALLER = "kopru.access.caller";

    private static final Logger LOG = Logger.getLogger("kopru.access");

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(ctx -> {
            long started = System.nanoTime();
            ctx.addEndHandler(v -> log(ctx, started));
            ctx.next();
        });
    }

    private static void log(RoutingContext ctx, long started) {
        Object key = ctx.get(KEY_ID);
        Object caller = ctx.get(CALLER);
        LOG.infof("%s %s %d %s ms key=%s from %s", ctx.request().method(), ctx.request().path(),
                ctx.response().getStatusCode(),
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1_000_000.0),
                key == null ? "-" : key, caller == null ? ctx.request().remoteAddress().hostAddress() : caller);
    }

    /** Records, for the request's access line, the caller's address and (once accepted) the key's id. */
    public static void note(RoutingContext ctx, String name, String value) {
        if (ctx != null) {
            ctx.put(name, value);
        }
    }
}

package tr.kopru.runtime.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * Every API answer says how long the service spent on it, from the moment the request was routed to the moment its
 * headers went out: {@code Server-Timing: app;dur=<ms>}, next to what a resource reports itself (for example
 * {@code flexcity;dur=} for the upstream's share). A caller can tell the service's time from the network's and the
 * upstream's.
 */
@ApplicationScoped
public class ServerTiming {

    static final String HEADER = "Server-Timing";

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(ctx -> {
            long started = System.nanoTime();
            ctx.addHeadersEndHandler(v -> {
                String app = String.format(Locale.ROOT, "app;dur=%.3f", (System.nanoTime() - started) / 1_000_000.0);
                String present = ctx.response().headers().get(HEADER);
                ctx.response().headers().set(HEADER, present == null ? app : present + ", " + app);
            });
            ctx.next();
        });
    }
}

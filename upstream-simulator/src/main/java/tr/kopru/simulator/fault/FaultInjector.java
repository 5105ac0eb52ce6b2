package tr.kopru.simulator.fault;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Applies the fault in force to a call before (or instead of) its real answer. The upstream decides what an error
 * looks like, since UTTS, FlexCity and customs each report errors in their own shape.
 */
public final class FaultInjector {

    private final Vertx vertx;
    private final FaultRegistry registry;
    private final Map<String, AtomicLong> calls =
            new ConcurrentHashMap<>();

    public FaultInjector(Vertx vertx, FaultRegistry registry) {
        this.vertx = vertx;
        this.registry = registry;
    }

    /**
     * Runs {@code handler} for the call, unless a fault answers it first.
     *
     * @param target        what the call is for (a FlexCity institution, a UTTS account's e-mail, a customs target
     *                      server), matched against a fault's {@code target}; null when the call names none
     * @param upstreamError answers an injected upstream error code in the upstream's own shape
     */
    public void handle(RoutingContext ctx, String upstream, String method, String target, CallHandler handler,
                       BiConsumer<RoutingContext, String> upstreamError) {
        calls.computeIfAbsent(upstream + "/" + method, k -> new AtomicLong())
                .incrementAndGet();
        Optional<Fault> found = registry.take(upstream, method, target);
        if (found.isEmpty()) {
            handler.handle(ctx, AfterWork.ANSWER);
            return;
        }
        Fault fault = found.get();
        if (fault.commitAfterMs() != null) {
            // Late commit: the client waits in vain; the work is done later all the same.
            vertx.setTimer(Math.max(1, fault.commitAfterMs()), id -> handler.handle(ctx, AfterWork.DROP));
            return;
        }
        long delay = (fault.latencyMs() == null ? 0 : fault.latencyMs())
                + (fault.timeoutMs() == null ? 0 : fault.timeoutMs());
        Runnable answer = () -> answer(ctx, fault, handler, upstreamError);
        if (delay > 0) {
            vertx.setTimer(delay, id -> answer.run());
        } else {
            answer.run();
        }
    }

    /** How many calls each upstream method received, as "upstream/method"; tests assert on them. */
    public Map<String, Long> calls() {
        Map<String, Long> counts = new TreeMap<>();
        calls.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }

    public void clearCalls() {
        calls.clear();
    }

    private static void answer(RoutingContext ctx, Fault fault, CallHandler handler,
                               BiConsumer<RoutingContext, String> upstreamError) {
        if (ctx.response().closed() || ctx.response().ended()) {
            return;
        }
        if (fault.retryAfterSeconds() != null) {
            ctx.response().setStatusCode(429).putHeader("Retry-After", fault.retryAfterSeconds().toString())
                    .end("{\"message\":\"Too many requests\"}");
            return;
        }
        if (fault.is(fault.dropBeforeCommit())) {
            ctx.request().connection().close();
            return;
        }
        if (fault.error() != null) {
            if ("http500".equals(fault.error())) {
                http500(ctx);
            } else {
                upstreamError.accept(ctx, fault.error());
            }
            return;
        }
        if (fault.is(fault.malformed())) {
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .end("{\"success\": tru");
            return;
        }
        if (fault.errorAfterCommit() != null) {
            handler.handle(ctx, AfterWork.error(fault.errorAfterCommit()));
            return;
        }
        if (fault.shiftListing() != null) {
            handler.handle(ctx, AfterWork.shifted(fault.shiftListing()));
            return;
        }
        handler.handle(ctx, fault.is(fault.timeoutAfterCommit()) ? AfterWork.DROP : AfterWork.ANSWER);
    }

    /** The injected HTTP 500, the same for every upstream. */
    public static void http500(RoutingContext ctx) {
        ctx.response().setStatusCode(500).end("{\"message\":\"Internal Server Error\"}");
    }

    /** The real work and answer of a call; {@code after} says what becomes of the answer. */
    @FunctionalInterface
    public interface CallHandler {
        void handle(RoutingContext ctx, AfterWork after);
    }
}

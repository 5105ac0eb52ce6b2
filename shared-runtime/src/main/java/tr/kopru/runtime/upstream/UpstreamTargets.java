package tr.kopru.runtime.upstream;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import tr.kopru.runtime.tracing.Tracing;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The targets of one upstream (each municipality's FlexCity, each customs environment): a REST client per target,
 * built once, and a circuit breaker per target and kind of call, so that one failing target never stops another
 * and failing writes never stop reads. Each call is traced in a span named after the upstream's method.
 *
 * @param <C> the REST client type
 */
public final class UpstreamTargets<C> {

    /** What a call does: reads may be tried again, writes never; each has its own breaker. */
    public enum Call { READ, WRITE }

    /**
     * When a target's breaker opens: after {@code requestVolume} calls of which {@code failureRatio} failed; it lets
     * a call through again after {@code delay}.
     */
    public record BreakerSettings(int requestVolume, double failureRatio, Duration delay) {
    }

    private final String upstream;
    private final Function<String, C> build;
    private final Class<? extends Throwable> failOn;
    private final BreakerSettings breaker;
    private final Tracing tracing;
    private final Map<String, C> clients = new ConcurrentHashMap<>();
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    /**
     * @param upstream the upstream's name, for the breakers' descriptions
     * @param build    builds the client of a target, by its name
     * @param failOn   the failure that counts against a target (no answer); any other is an answer
     */
    public UpstreamTargets(String upstream, Function<String, C> build, Class<? extends Throwable> failOn,
                           BreakerSettings breaker, Tracing tracing) {
        this.upstream = upstream;
        this.build = build;
        this.failOn = failOn;
        this.breaker = breaker;
        this.tracing = tracing;
    }

    /** The target's client, built on first use. */
    public C client(String target) {
        return clients.computeIfAbsent(target, build);
    }

    /**
     * {@code action}, a call of the upstream's {@code method}, behind the target's breaker for this kind of call:
     * while it is open the call fails at once with {@code CircuitBreakerOpenException} and nothing is sent.
     */
    public <T> Uni<T> guarded(String target, Call call, String method, Supplier<Uni<T>> action) {
        Guard guard = guards.computeIfAbsent(target + " " + call, this::guard);
        return tracing.upstreamCall(upstream, target, method, () -> guard.get(action, new TypeLiteral<Uni<T>>() { }));
    }

    private Guard guard(String key) {
        return Guard.create().withDescription(upstream + " " + key)
                .withCircuitBreaker()
                .requestVolumeThreshold(breaker.requestVolume())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .failOn(failOn)
                .done()
                .build();
    }
}

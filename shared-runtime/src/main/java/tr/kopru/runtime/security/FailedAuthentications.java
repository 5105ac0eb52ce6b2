package tr.kopru.runtime.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications (a missing, unknown, disabled or expired API key) per caller address, in fixed windows of
 * {@code kopru.api-keys.failed-window} (1 min): after {@code kopru.api-keys.failed-limit} (20) failures in a window,
 * the address is answered 429 until the window ends, even with a good key, so that keys cannot be guessed at speed.
 * Counted per replica, in memory: a guesser spread over the replicas gets the limit once per replica.
 */
@ApplicationScoped
public class FailedAuthentications {

    /** Addresses beyond which the table is cleared of finished windows, so it cannot grow without bound. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration length;
    private final Clock clock;

    public FailedAuthentications(@ConfigProperty(name = "kopru.api-keys.failed-limit", defaultValue = "20") int limit,
                                 @ConfigProperty(name = "kopru.api-keys.failed-window", defaultValue = "1m")
                                 Duration length, Clock clock) {
        this.limit = limit;
        this.length = length;
        this.clock = clock;
    }

    /** When {@code address} may try again, if it has used up its failures in the current window. */
    public Optional<Duration> blockedFor(String address) {
        Window window = windows.get(address);
        Instant now = clock.instant();
        if (window == null || window.failures() < limit || !now.isBefore(window.start().plus(length))) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.start().plus(length)));
    }

    /** Counts a failed authentication from {@code address}. */
    public void failed(String address) {
        Instant now = clock.instant();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(length)));
        }
        windows.compute(address, (a, window) -> window == null || !now.isBefore(window.start().plus(length))
                ? new Window(now, 1) : new Window(window.start(), window.failures() + 1));
    }
}

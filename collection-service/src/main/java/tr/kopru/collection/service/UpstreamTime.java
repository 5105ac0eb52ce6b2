package tr.kopru.collection.service;

import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time one request spent waiting for FlexCity, summed over its calls: what our API reports in
 * {@code Server-Timing}, so a caller can tell FlexCity's time from ours.
 */
public final class UpstreamTime {

    private final AtomicLong nanos = new AtomicLong();

    /** {@code call}, with its duration (answer or failure) added to this request's upstream time. */
    public <T> Uni<T> time(Uni<T> call) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return call.onTermination().invoke(() -> nanos.addAndGet(System.nanoTime() - started));
        });
    }

    public Duration total() {
        return Duration.ofNanos(nanos.get());
    }
}

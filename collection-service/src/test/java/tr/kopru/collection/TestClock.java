package tr.kopru.collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in these tests: the system's, moved forward by {@link #shift} for a test that needs the
 * service to live in another day (FlexCity's simulator keeps the real time, so only calls that reach no upstream
 * may run while it is moved).
 */
public class TestClock {

    private static volatile Duration offset = Duration.ZERO;

    static void shift(Duration by) {
        offset = by;
    }

    static void reset() {
        offset = Duration.ZERO;
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new Shifted();
    }

    private static final class Shifted extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}

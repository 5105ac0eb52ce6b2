package tr.kopru.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The simulator's notion of now, in Turkey time. Tests move it (for example to the next day, to see a cancellation
 * refused) through the admin API.
 */
public final class SimulatorClock {

    public static final ZoneId TURKEY = ZoneId.of("Europe/Istanbul");

    private final Clock system;
    private volatile Duration offset = Duration.ZERO;

    public SimulatorClock(Clock system) {
        this.system = system;
    }

    public Instant now() {
        return system.instant().plus(offset);
    }

    public ZonedDateTime nowInTurkey() {
        return now().atZone(TURKEY);
    }

    public LocalDate today() {
        return nowInTurkey().toLocalDate();
    }

    /** Makes {@code instant} the current time from now on. */
    public void set(Instant instant) {
        offset = Duration.between(system.instant(), instant);
    }

    public void reset() {
        offset = Duration.ZERO;
    }
}

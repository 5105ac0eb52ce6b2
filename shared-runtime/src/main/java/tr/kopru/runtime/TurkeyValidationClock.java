package tr.kopru.runtime;

import tr.kopru.runtime.time.TurkeyTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;

import java.time.Clock;

/**
 * The clock {@code @PastOrPresent} and its kin judge dates by: Turkey's, whatever the machine's zone. Our users' days
 * (a payment date, a day to reconcile) are Turkish calendar days; on a UTC machine "today" would otherwise still be
 * yesterday between midnight and 03:00 in Istanbul, and today's date would be refused as a future one.
 */
@ApplicationScoped
public class TurkeyValidationClock implements ClockProvider {

    private final Clock clock;

    public TurkeyValidationClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Clock getClock() {
        return clock.withZone(TurkeyTime.ZONE);
    }
}

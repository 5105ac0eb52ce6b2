package tr.kopru.runtime.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Turkey's time zone, in which every business day of Köprü's upstreams and users is counted: a collection's date, a
 * day to reconcile, an installation's activation.
 */
public final class TurkeyTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");

    private TurkeyTime() {
    }

    /** Today's date in Turkey by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}

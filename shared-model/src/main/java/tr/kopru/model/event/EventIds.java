package tr.kopru.model.event;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event ids (the CloudEvents {@code id}): time-ordered UUIDs of version 7 (RFC 9562), 48 bits of Unix milliseconds
 * followed by 74 random bits. Every consumer keeps the ids it has processed in a B-tree; ids that grow with time
 * land on its right edge instead of on a random page each, which at tens of thousands of events a second is the
 * difference between touching a few index pages and touching all of them.
 */
public final class EventIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private EventIds() {
    }

    /** A new id for an event created now. */
    public static UUID next() {
        return at(Clock.systemUTC().millis());
    }

    /** A new id for an event created at {@code epochMillis}. */
    public static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | VERSION_7 | random.nextLong(0x1000);
        long low = VARIANT_RFC | (random.nextLong() >>> 2);
        return new UUID(high, low);
    }
}

package tr.kopru.runtime.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code timestamptz} columns as the reactive PostgreSQL client binds them
 * ({@link OffsetDateTime}), in UTC; null stays null.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    public static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

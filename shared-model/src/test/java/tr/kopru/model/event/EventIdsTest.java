package tr.kopru.model.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        long millis = Instant.parse("2026-12-02T14:00:00.123Z").toEpochMilli();
        UUID id = EventIds.at(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", millis >>> 16, millis & 0xFFFF));
    }

    @Test
    void laterIdsSortAfterEarlierOnesTheWayPostgresqlComparesThem() {
        long millis = Instant.parse("2026-12-02T14:00:00Z").toEpochMilli();
        for (int i = 0; i < 1000; i++) {
            String earlier = EventIds.at(millis + i).toString();
            String later = EventIds.at(millis + i + 1).toString();
            // PostgreSQL orders uuids byte by byte, which is the order of their lower-case hex text.
            assertThat(later.compareTo(earlier)).isPositive();
        }
    }

    @Test
    void idsOfTheSameMillisecondDoNotRepeat() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            ids.add(EventIds.at(1_700_000_000_000L));
        }
        assertThat(ids).hasSize(200_000);
    }
}

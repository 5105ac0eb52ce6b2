package tr.kopru.collection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer's auto-pay instruction for one declaration: its debts are looked for every {@code scanEveryDays}
 * days (FlexCity keeps no instructions; the municipality's billing days differ, so 5 or 10), and collected at
 * once when {@code autoCollect}.
 */
public record StandingInstruction(
        UUID id,
        String institution,
        long declarationId,
        Long taxpayerId,
        String subscriberNo,
        String regionId,
        int scanEveryDays,
        boolean autoCollect,
        InstructionStatus status,
        LocalDate nextScanOn,
        Instant lastScannedAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {
}

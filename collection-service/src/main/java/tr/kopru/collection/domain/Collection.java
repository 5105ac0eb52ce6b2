package tr.kopru.collection.domain;

import tr.kopru.model.Money;
import tr.kopru.model.event.PaymentChannel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One collection Köprü started on FlexCity: our transaction number (islemNo) is assigned and stored before the
 * upstream is called. {@code resultCode}/{@code resultReason} carry the upstream's answer when it refused.
 */
public record Collection(
        UUID id,
        String institution,
        long deskId,
        String transactionNumber,
        String invoiceNumber,
        long declarationId,
        Money amount,
        LocalDate collectionDate,
        PaymentChannel channel,
        CollectionState state,
        Long upstreamCollectionId,
        String receiptSerial,
        String receiptNumber,
        Instant collectedAt,
        Instant cancelledAt,
        String resultCode,
        String resultReason,
        int resolveAttempts,
        Instant nextResolveAt,
        String requestedBy,
        UUID standingInstructionId,
        Instant createdAt,
        Instant updatedAt) {
}

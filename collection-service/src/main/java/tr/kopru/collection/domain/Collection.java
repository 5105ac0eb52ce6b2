package tr.kopru.collection.domain;

import tr.kopru.model.Money;
import tr.kopru.model.event.PaymentChannel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One collection Köprü started on FlexCity: our transaction number (islemNo) is assigned and stored before the
 * upstream is called. {@code resultCode}/{@code resultReason} carry the upstream's answer when it refused;
 * {@code resolveAttempts} counts questions FlexCity left unanswered, {@code notFoundAnswers} its "not found" answers
 * while the outcome was open; {@code needsOperator} when the service cannot settle it by itself.
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
        int notFoundAnswers,
        Instant nextResolveAt,
        boolean needsOperator,
        String requestedBy,
        UUID standingInstructionId,
        Instant createdAt,
        Instant updatedAt) {
}

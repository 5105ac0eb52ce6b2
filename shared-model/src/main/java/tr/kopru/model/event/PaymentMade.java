package tr.kopru.model.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import tr.kopru.model.Money;
import tr.kopru.model.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code tr.kopru.collection.payment-made.v1}: FlexCity booked a collection. Keyed by transaction number, like its
 * cancellation.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PaymentMade(
        String institution,
        long cashierDeskId,
        String transactionNumber,
        long upstreamCollectionId,
        @Nullable String receiptSerial,
        @Nullable String receiptNumber,
        String invoiceNumber,
        long declarationId,
        Money amount,
        LocalDate collectionDate,
        Instant collectedAt,
        PaymentChannel channel) {
}

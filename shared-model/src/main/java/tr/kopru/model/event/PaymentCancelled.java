package tr.kopru.model.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import tr.kopru.model.Money;

import java.time.Instant;
import java.time.LocalDate;

/** {@code tr.kopru.collection.payment-cancelled.v1}: a collection was cancelled upstream on its collection day. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PaymentCancelled(
        String institution,
        long cashierDeskId,
        String transactionNumber,
        long upstreamCollectionId,
        Money amount,
        LocalDate collectionDate,
        Instant cancelledAt) {
}

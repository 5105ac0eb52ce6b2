package tr.kopru.collection.rest;

import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.model.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A collection as our API shows it; with its state history when one collection is asked for. */
public record CollectionView(
        UUID id,
        String institution,
        long cashierDeskId,
        String transactionNumber,
        String invoiceNumber,
        long declarationId,
        Money amount,
        LocalDate collectionDate,
        String channel,
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
        Instant createdAt,
        Instant updatedAt,
        List<CollectionRepository.Transition> history) {

    static CollectionView of(Collection c, List<CollectionRepository.Transition> history) {
        return new CollectionView(c.id(), c.institution(), c.deskId(), c.transactionNumber(), c.invoiceNumber(),
                c.declarationId(), c.amount(), c.collectionDate(), c.channel().wireName(), c.state(),
                c.upstreamCollectionId(), c.receiptSerial(), c.receiptNumber(), c.collectedAt(), c.cancelledAt(),
                c.resultCode(), c.resultReason(), c.resolveAttempts(), c.notFoundAnswers(), c.nextResolveAt(),
                c.needsOperator(), c.requestedBy(), c.createdAt(),
                c.updatedAt(), history);
    }

    static CollectionView of(Collection c) {
        return of(c, null);
    }
}

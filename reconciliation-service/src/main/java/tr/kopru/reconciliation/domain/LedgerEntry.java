package tr.kopru.reconciliation.domain;

import tr.kopru.model.Money;

import java.time.LocalDate;

/**
 * Our record of one collection. {@code paid}: its payment-made arrived; {@code cancelled}: its payment-cancelled
 * arrived (possibly first). It stands (counts as collected) when paid and not cancelled.
 */
public record LedgerEntry(String institution, long deskId, String transactionNumber, long upstreamCollectionId,
                          String invoiceNumber, Long declarationId, Money amount, LocalDate collectionDate,
                          boolean paid, boolean cancelled) {

    public boolean stands() {
        return paid && !cancelled;
    }

    public String status() {
        return cancelled ? "CANCELLED" : "COLLECTED";
    }
}

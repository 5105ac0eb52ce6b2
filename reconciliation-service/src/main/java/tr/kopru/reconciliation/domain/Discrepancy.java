package tr.kopru.reconciliation.domain;

import tr.kopru.model.Money;

/** One disagreement, with both sides' values (null where a side has nothing). */
public record Discrepancy(DiscrepancyCategory category, String transactionNumber, Long upstreamCollectionId,
                          String invoiceNumber, Money ourAmount, Money theirAmount, String ourStatus,
                          String theirStatus, String detail) {
}

package tr.kopru.reconciliation.domain;

import tr.kopru.model.Money;

/** One side's totals of a desk and day. */
public record Totals(Money collectedAmount, long collectedCount, Money cancelledAmount, long cancelledCount) {
}

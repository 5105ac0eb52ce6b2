package tr.kopru.reconciliation.client;

import tr.kopru.model.Money;

/** BgsTahsilIcmalDto: a desk's collected (still standing) and cancelled totals over a period. */
public record DailyTotals(Money collectedAmount, long collectedCount, Money cancelledAmount, long cancelledCount) {
}

package tr.kopru.reconciliation.domain;

import java.util.List;

/** How a reconciliation came out. */
public enum RunResult {
    MATCHED,
    MISMATCHED;

    /**
     * MATCHED when nothing disagrees: the totals are the same, or the receipts were compared one by one and every one
     * matched (amounts within the tolerance, so the totals may differ by what was tolerated); else MISMATCHED.
     */
    public static RunResult of(Totals ours, Totals theirs, boolean receiptsCompared, List<Discrepancy> found) {
        if (!found.isEmpty()) {
            return MISMATCHED;
        }
        return ours.equals(theirs) || receiptsCompared && ours.collectedCount() == theirs.collectedCount()
                && ours.cancelledCount() == theirs.cancelledCount() ? MATCHED : MISMATCHED;
    }
}

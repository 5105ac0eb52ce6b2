package tr.kopru.reconciliation.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import tr.kopru.model.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One reconciliation of a desk and day: both sides' totals, whether receipts were compared one by one, and what
 * disagreed. {@code id} and {@code version} are null for a dry run (nothing stored).
 */
public record ReconciliationRun(Long id, String institution, long deskId, LocalDate day, Integer version,
                                String trigger, RunResult result, Instant startedAt, Instant finishedAt,
                                Totals ours, Totals theirs, boolean receiptsCompared, int discrepancyCount,
                                List<Discrepancy> discrepancies) {

    /** FlexCity's collected total less ours: what a MATCHED run tolerated, or part of what a MISMATCHED one found. */
    @JsonProperty("collected_difference")
    public Money collectedDifference() {
        return Money.of(theirs.collectedAmount().amount().subtract(ours.collectedAmount().amount()));
    }
}

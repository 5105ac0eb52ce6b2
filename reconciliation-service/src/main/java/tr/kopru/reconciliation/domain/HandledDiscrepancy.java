package tr.kopru.reconciliation.domain;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A stored discrepancy with its id and what operators last did about it ({@code handling} null: nothing yet). */
public record HandledDiscrepancy(long id, @JsonUnwrapped Discrepancy discrepancy, DiscrepancyHandling handling) {
}

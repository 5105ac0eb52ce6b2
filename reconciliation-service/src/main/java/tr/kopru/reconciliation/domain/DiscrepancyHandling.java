package tr.kopru.reconciliation.domain;

import java.time.Instant;

/** What an operator last did about a discrepancy, why, who and when. */
public record DiscrepancyHandling(Status status, String note, String actor, Instant at) {

    /** Acknowledged: seen and being looked into; resolved: settled, and final. */
    public enum Status { ACKNOWLEDGED, RESOLVED }
}

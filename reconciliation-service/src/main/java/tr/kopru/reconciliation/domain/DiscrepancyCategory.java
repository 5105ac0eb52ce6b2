package tr.kopru.reconciliation.domain;

/** The ways our ledger and FlexCity's receipts can disagree. */
public enum DiscrepancyCategory {
    /** We recorded a collection that FlexCity does not have. */
    MISSING_UPSTREAM,
    /** FlexCity has a receipt we never heard of. */
    MISSING_LOCALLY,
    /** Both sides have it, with different amounts. */
    AMOUNT_MISMATCH,
    /** Cancelled on one side only. */
    STATUS_MISMATCH,
    /** One collection recorded twice on a side. */
    DUPLICATE
}

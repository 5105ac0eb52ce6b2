package tr.kopru.reconciliation.domain;

/** How a reconciliation came out. */
public enum RunResult {
    MATCHED,
    MISMATCHED
}

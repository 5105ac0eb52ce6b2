package tr.kopru.collection.domain;

import java.util.Set;

/**
 * Where a collection stands. PENDING until FlexCity answers; an answer that does not say "not done" is UNKNOWN
 * (never REJECTED) until FlexCity's own records settle it. A COLLECTED one may be cancelled on its own day:
 * CANCELLING while the cancel is sent, CANCEL_UNKNOWN when its answer was lost, then CANCELLED or back to COLLECTED.
 */
public enum CollectionState {
    PENDING,
    COLLECTED,
    REJECTED,
    UNKNOWN,
    CANCELLING,
    CANCEL_UNKNOWN,
    CANCELLED;

    /** States whose collect outcome is still open: no other collection of the same invoice may start. */
    public static final Set<CollectionState> IN_FLIGHT = Set.of(PENDING, UNKNOWN);

    /** States of a cancel whose outcome is still open. */
    public static final Set<CollectionState> CANCEL_OPEN = Set.of(CANCELLING, CANCEL_UNKNOWN);
}

package tr.kopru.collection.domain;

import java.util.Set;

/**
 * Where a collection stands. PENDING until FlexCity answers; a missing answer is UNKNOWN (never REJECTED) until the
 * resolver asks FlexCity by our transaction number. A COLLECTED one may become CANCELLED on its own day.
 */
public enum CollectionState {
    PENDING,
    COLLECTED,
    REJECTED,
    UNKNOWN,
    CANCELLED;

    /** States whose outcome is still open: no other collection of the same invoice may start. */
    public static final Set<CollectionState> IN_FLIGHT = Set.of(PENDING, UNKNOWN);

    public boolean isFinal() {
        return this == REJECTED || this == CANCELLED;
    }
}

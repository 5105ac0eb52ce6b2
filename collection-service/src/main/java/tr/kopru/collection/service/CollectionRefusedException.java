package tr.kopru.collection.service;

import tr.kopru.collection.domain.Collection;

import java.util.List;
import java.util.Map;

/**
 * A collection that cannot happen, and why: HTTP {@code status} for our API, the reason, per-field details (for
 * example the amount FlexCity expects now) and the collection it concerns, if one was stored.
 */
public class CollectionRefusedException extends RuntimeException {

    private final int status;
    private final Map<String, List<String>> details;
    private final transient Collection collection;
    private final boolean started;

    public CollectionRefusedException(int status, String reason, Map<String, List<String>> details,
                                      Collection collection) {
        this(status, reason, details, collection, false);
    }

    private CollectionRefusedException(int status, String reason, Map<String, List<String>> details,
                                       Collection collection, boolean started) {
        super(reason);
        this.status = status;
        this.details = Map.copyOf(details);
        this.collection = collection;
        this.started = started;
    }

    /** The same refusal, saying that its collection is the one the refused request started. */
    CollectionRefusedException ofStarted() {
        return new CollectionRefusedException(status, getMessage(), details, collection, true);
    }

    /** Whether {@link #collection()} is the one the refused request started (not one that held its invoice). */
    public boolean started() {
        return started;
    }

    public static CollectionRefusedException conflict(String reason, Collection collection) {
        return new CollectionRefusedException(409, reason, Map.of(), collection);
    }

    public int status() {
        return status;
    }

    public Map<String, List<String>> details() {
        return details;
    }

    public Collection collection() {
        return collection;
    }
}

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

    public CollectionRefusedException(int status, String reason, Map<String, List<String>> details,
                                      Collection collection) {
        super(reason);
        this.status = status;
        this.details = Map.copyOf(details);
        this.collection = collection;
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

package tr.kopru.collection.service;

import tr.kopru.collection.domain.Collection;

/** A state change found the collection no longer in the state it meant to leave: someone else moved it first. */
public class CollectionMovedException extends RuntimeException {

    public CollectionMovedException(Collection from) {
        super("collection " + from.id() + " left " + from.state() + " meanwhile");
    }
}

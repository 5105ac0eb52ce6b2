package tr.kopru.collection.service;

import tr.kopru.collection.domain.Collection;

/** The collection a request led to; {@code replayed} when it is the earlier result of the same Idempotency-Key. */
public record CollectResult(Collection collection, boolean replayed) {
}

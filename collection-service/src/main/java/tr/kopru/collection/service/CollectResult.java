package tr.kopru.collection.service;

import tr.kopru.collection.domain.Collection;

import java.time.Duration;

/**
 * The collection a request led to; {@code replayed} when it is the earlier result of the same Idempotency-Key;
 * {@code upstreamTime} what the request spent waiting for FlexCity.
 */
public record CollectResult(Collection collection, boolean replayed, Duration upstreamTime) {
}

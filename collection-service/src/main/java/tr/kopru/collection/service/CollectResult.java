package tr.kopru.collection.service;

import tr.kopru.collection.domain.Collection;

import java.time.Duration;

/**
 * The collection a request led to; {@code replayed} when it is the earlier result of the same Idempotency-Key, with
 * that request's {@code firstAnswer} when it was recorded; {@code upstreamTime} what the request spent waiting for
 * FlexCity.
 */
public record CollectResult(Collection collection, boolean replayed, Duration upstreamTime, FirstAnswer firstAnswer) {

    /** The HTTP status and JSON body the first request with a key was answered. */
    public record FirstAnswer(int status, String body) {
    }

    static CollectResult fresh(Collection collection, Duration upstreamTime) {
        return new CollectResult(collection, false, upstreamTime, null);
    }
}

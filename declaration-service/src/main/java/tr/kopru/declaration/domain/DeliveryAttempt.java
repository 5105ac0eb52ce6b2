package tr.kopru.declaration.domain;

import tr.kopru.model.Nullable;

import java.time.Instant;

/**
 * One try at sending an update to the customs API.
 *
 * @param outcome    DELIVERED, REJECTED (a 4xx: not tried again) or RETRYABLE (5xx, timeout, no connection)
 * @param httpStatus the upstream's status, null when it did not answer
 */
public record DeliveryAttempt(int attempt, Instant at, long durationMs, String outcome, @Nullable Integer httpStatus,
                              @Nullable String detail) {
}

package tr.kopru.declaration.domain;

import com.fasterxml.jackson.databind.JsonNode;
import tr.kopru.model.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partial update of one customs declaration as we received it, and where its delivery stands.
 *
 * @param sequence      the order updates were accepted in; a declaration's updates are delivered in this order
 * @param target        the customs environment it goes to (configured under {@code kopru.customs.targets})
 * @param targetServer  the {@code X-Target-Server} it is sent with
 * @param fields        the top-level fields it sets
 * @param changedFields the leaves it changed in our last known state of the declaration, once delivered
 * @param requestedBy   the owner of the API key that submitted it
 * @param attemptLog    every try at delivering it (only when one update is read)
 */
public record DeclarationUpdate(UUID id, long sequence, String declarationId, String target, String targetServer,
                                JsonNode body, List<String> fields, List<Findings.Warning> warnings,
                                @Nullable List<String> changedFields, String requestedBy, UpdateStatus status,
                                int attempts, @Nullable Instant nextAttemptAt, @Nullable Integer upstreamStatus,
                                @Nullable String failureReason, Instant createdAt, @Nullable Instant deliveredAt,
                                @Nullable List<DeliveryAttempt> attemptLog) {

    public DeclarationUpdate withAttemptLog(List<DeliveryAttempt> log) {
        return new DeclarationUpdate(id, sequence, declarationId, target, targetServer, body, fields, warnings,
                changedFields, requestedBy, status, attempts, nextAttemptAt, upstreamStatus, failureReason, createdAt,
                deliveredAt, List.copyOf(log));
    }
}

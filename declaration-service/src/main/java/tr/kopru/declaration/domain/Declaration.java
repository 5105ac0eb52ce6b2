package tr.kopru.declaration.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The last known state of a customs declaration in one environment: every field its delivered updates set, the
 * later over the earlier.
 */
public record Declaration(String declarationId, String target, JsonNode fields, int updatesDelivered,
                          UUID lastUpdateId, Instant updatedAt) {
}

package tr.kopru.model.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import tr.kopru.model.Money;
import tr.kopru.model.Nullable;

import java.time.Instant;

/**
 * A vehicle-tag (TTB) installation as Köprü mirrors it from UTTS. Driver e-mail and phone are never published.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Installation(
        long installationId,
        String installationCode,
        String licencePlate,
        String status,
        int statusId,
        @Nullable String product,
        @Nullable String serviceCompany,
        @Nullable String serviceName,
        VehicleOwner owner,
        @Nullable Money salePriceInclVat,
        @Nullable Money salePriceExclVat,
        @Nullable Instant activatedAt,
        Instant upstreamLastModifiedAt,
        String uttsAccount) {
}

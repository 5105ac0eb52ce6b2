package tr.kopru.model.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import tr.kopru.model.Nullable;

/** The company that owns an installed vehicle, as UTTS records it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VehicleOwner(
        String name,
        String taxNumber,
        @Nullable String taxOffice,
        @Nullable String city,
        @Nullable String district) {
}

package tr.kopru.model.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code tr.kopru.installation.recorded.v1}: an installation Köprü has not seen before. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InstallationRecorded(Installation installation) {
}

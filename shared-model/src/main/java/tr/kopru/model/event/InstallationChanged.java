package tr.kopru.model.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * {@code tr.kopru.installation.changed.v1}: a known installation whose content changed upstream; the names of the
 * fields that changed (as in {@link Installation}'s JSON) and the status it had before.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InstallationChanged(
        Installation installation,
        List<String> changedFields,
        String previousStatus,
        int previousStatusId) {
}

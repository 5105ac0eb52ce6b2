package tr.kopru.model.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The error envelope of Köprü's REST API: {@code {"success": false, "message": "...", "errors": {"field": [...]}}}.
 * {@code errors} names every bad field by its JSON path; it is absent when no field is to blame.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(boolean success, String message, Map<String, List<String>> errors) {

    public static ApiError of(String message) {
        return new ApiError(false, message, Map.of());
    }

    public static ApiError of(String message, Map<String, List<String>> errors) {
        return new ApiError(false, message, errors);
    }
}

package tr.kopru.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The success envelope of Köprü's REST API (the partner's house style): {@code {"success": true, "data": ...}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data) {

    public static <T> ApiResponse<T> of(T data) {
        return new ApiResponse<>(true, data);
    }
}

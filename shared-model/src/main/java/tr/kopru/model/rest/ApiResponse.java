package tr.kopru.model.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import tr.kopru.model.Nullable;

import java.util.List;

/**
 * The success envelope of Köprü's REST API, in the partner's house style:
 * {@code {"success": true, "data": ..., "pagination": {...}}}, pagination only on lists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, @Nullable Pagination pagination) {

    public static <T> ApiResponse<T> of(T data) {
        return new ApiResponse<>(true, data, null);
    }

    /** One page of a list: {@code items} starting at {@code offset}, out of {@code totalCount}. */
    public static <T> ApiResponse<List<T>> page(List<T> items, long totalCount, int limit, long offset) {
        return new ApiResponse<>(true, items, Pagination.of(totalCount, limit, offset));
    }
}

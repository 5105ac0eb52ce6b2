package tr.kopru.model.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Where a page sits in its list: {@code limit} items from {@code offset} out of {@code total_count}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Pagination(long totalCount, int limit, long offset, boolean hasMore) {

    public static Pagination of(long totalCount, int limit, long offset) {
        return new Pagination(totalCount, limit, offset, offset + limit < totalCount);
    }
}

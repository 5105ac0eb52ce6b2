package tr.kopru.runtime.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The house style's list parameters: {@code limit} (1 to 1000, default 50) and {@code offset} (default 0). */
public class PageRequest {

    public static final int MAX_LIMIT = 1000;

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_LIMIT, message = "must be at most " + MAX_LIMIT)
    public int limit;

    @QueryParam("offset")
    @DefaultValue("0")
    @Min(value = 0, message = "must not be negative")
    public long offset;
}

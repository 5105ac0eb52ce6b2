package tr.kopru.runtime.rest;

import java.util.List;
import java.util.Map;

/**
 * A failure our REST API answers in the house style: its HTTP status, a clear message and, for bad input, the
 * problems per field (by JSON path).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, List<String>> errors;

    public ApiException(int status, String message, Map<String, List<String>> errors) {
        super(message);
        this.status = status;
        this.errors = Map.copyOf(errors);
    }

    /** 404: no such resource. */
    public static ApiException notFound(String message) {
        return new ApiException(404, message, Map.of());
    }

    /** 409: the request conflicts with the resource's current state. */
    public static ApiException conflict(String message) {
        return new ApiException(409, message, Map.of());
    }

    /** 422: the request is well-formed but some fields are wrong. */
    public static ApiException invalid(Map<String, List<String>> errors) {
        return new ApiException(422, "Validation failed", errors);
    }

    public int status() {
        return status;
    }

    public Map<String, List<String>> errors() {
        return errors;
    }
}

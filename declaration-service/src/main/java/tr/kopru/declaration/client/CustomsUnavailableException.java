package tr.kopru.declaration.client;

import tr.kopru.model.Nullable;

/** The customs API did not take the update this time (5xx, 429, timeout, no connection); sending it again is safe. */
public class CustomsUnavailableException extends RuntimeException {

    private final Integer httpStatus;

    public CustomsUnavailableException(String message, @Nullable Integer httpStatus, @Nullable Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    public @Nullable Integer httpStatus() {
        return httpStatus;
    }
}

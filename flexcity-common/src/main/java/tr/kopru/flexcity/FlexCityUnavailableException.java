package tr.kopru.flexcity;

/**
 * FlexCity gave no usable answer: no connection, a timeout, an HTTP error or an unreadable body. For a write this
 * means the outcome is unknown (the upstream may have booked it), never that it failed.
 */
public class FlexCityUnavailableException extends RuntimeException {

    public FlexCityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

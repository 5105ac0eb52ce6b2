package tr.kopru.installation.client;

/** A read failed in a way that may pass: a timeout, a 5xx, a 429, an unreadable answer. Reads are retried. */
public class UttsUnavailableException extends RuntimeException {

    public UttsUnavailableException(String message) {
        super(message);
    }

    public UttsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

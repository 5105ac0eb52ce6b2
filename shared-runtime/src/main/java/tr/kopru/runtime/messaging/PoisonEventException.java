package tr.kopru.runtime.messaging;

/**
 * A record that can never be processed, however often it is retried: not JSON, an unknown type, a payload its
 * schema rejects. It goes to the topic's dead-letter topic with this message as its reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

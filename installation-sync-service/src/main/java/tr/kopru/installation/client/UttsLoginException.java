package tr.kopru.installation.client;

/** UTTS refused a login (succeeded: false): wrong credentials or a locked account; retrying does not help. */
public class UttsLoginException extends RuntimeException {

    public UttsLoginException(String message) {
        super(message);
    }
}

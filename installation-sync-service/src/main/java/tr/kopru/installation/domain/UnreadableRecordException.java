package tr.kopru.installation.domain;

/** A UTTS record that cannot be read; it is kept aside and the rest of its page goes on. */
public class UnreadableRecordException extends RuntimeException {

    public UnreadableRecordException(String reason) {
        super(reason);
    }
}

package tr.kopru.declaration.domain;

/** Where the delivery of an update stands. */
public enum UpdateStatus {
    /** Stored, waiting to be sent or to be sent again. */
    PENDING,
    /** The customs API accepted it. */
    SENT,
    /** Given up: the customs API refused it (4xx), or it could not be delivered within the attempts allowed. */
    FAILED
}

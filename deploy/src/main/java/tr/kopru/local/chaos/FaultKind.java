package tr.kopru.local.chaos;

/** What the campaign does to the platform; each kind is injected, held for a while, then healed. */
public enum FaultKind {
    /** {@code kill -9} of one service instance; it is started again after a pause. */
    KILL_SERVICE,
    /** {@code kill -9} of the Kafka broker, started again on its data. */
    KILL_KAFKA,
    /** {@code kill -9} of PostgreSQL's postmaster, started again on its data. */
    KILL_POSTGRES,
    /** SIGSTOP of the broker, SIGCONT after a while. */
    PAUSE_KAFKA,
    /** SIGSTOP of the postmaster and its backends, SIGCONT after a while. */
    PAUSE_POSTGRES,
    /** One instance's connections to PostgreSQL are closed and new ones refused. */
    CUT_DATABASE,
    /** One instance's connections to PostgreSQL pass no byte. */
    STALL_DATABASE,
    CUT_KAFKA,
    STALL_KAFKA,
    CUT_UPSTREAM,
    STALL_UPSTREAM,
    /** The simulator answers a FlexCity collection, cancellation or customs update only after the client gave up. */
    UPSTREAM_TIMEOUT,
    /** FlexCity books (or cancels), then drops the connection without an answer. */
    TIMEOUT_AFTER_COMMIT,
    /** FlexCity books seconds after the call, which never gets an answer. */
    LATE_COMMIT,
    /** FlexCity books, then answers 0900 or HTTP 500. */
    ERROR_AFTER_COMMIT,
    /** FlexCity drops the connection and books nothing. */
    DROP_BEFORE_COMMIT,
    /** An upstream answers 429 with Retry-After. */
    RATE_LIMITED,
    /** An upstream answers HTTP 500 without doing the work. */
    SERVER_ERROR,
    /** An upstream answers a body that is not JSON. */
    MALFORMED_ANSWER;

    /** Whether the fault is aimed at one service instance. */
    public boolean aimsAtInstance() {
        return switch (this) {
            case KILL_SERVICE, CUT_DATABASE, STALL_DATABASE, CUT_KAFKA, STALL_KAFKA, CUT_UPSTREAM, STALL_UPSTREAM ->
                    true;
            default -> false;
        };
    }
}

package tr.kopru.local.day;

/** A step of the business day did not turn out as expected. */
final class WalkthroughFailure extends RuntimeException {

    WalkthroughFailure(String message) {
        super(message);
    }
}

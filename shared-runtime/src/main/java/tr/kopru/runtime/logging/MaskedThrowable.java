package tr.kopru.runtime.logging;

/**
 * Stands in for a logged exception whose message holds personal data: the same class name, masked message, stack
 * trace and (masked) cause chain.
 */
final class MaskedThrowable extends RuntimeException {

    private final String originalClass;

    private MaskedThrowable(Throwable original, Throwable maskedCause) {
        super(PersonalDataMasker.mask(original.getMessage()), maskedCause, false, true);
        this.originalClass = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    /** {@code original} itself when nothing in its chain needs masking. */
    static Throwable of(Throwable original) {
        if (original == null) {
            return null;
        }
        Throwable cause = original.getCause() == original ? null : of(original.getCause());
        String message = original.getMessage();
        boolean clean = message == null || message.equals(PersonalDataMasker.mask(message));
        if (clean && cause == original.getCause()) {
            return original;
        }
        return new MaskedThrowable(original, cause);
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }
}

package tr.kopru.declaration.client;

/** An update names a customs environment this deployment has no configuration for. */
public class UnknownTargetException extends RuntimeException {

    public UnknownTargetException(String target) {
        super("No customs environment named " + target + " is configured");
    }
}

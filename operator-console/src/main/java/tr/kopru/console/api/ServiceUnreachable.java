package tr.kopru.console.api;

/** A service gave no answer in the house envelope (down, timed out, or answered something else). */
public class ServiceUnreachable extends RuntimeException {

    private final Service service;

    public ServiceUnreachable(Service service, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}

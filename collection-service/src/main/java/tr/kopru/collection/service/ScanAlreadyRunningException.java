package tr.kopru.collection.service;

/** A scan of the standing instructions is already running (in this replica or another). */
public class ScanAlreadyRunningException extends RuntimeException {

    public ScanAlreadyRunningException() {
        super("A scan of the standing instructions is already running");
    }
}

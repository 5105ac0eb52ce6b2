package tr.kopru.installation.service;

/** Another sync of the account is running, in this replica or another. */
public class SyncAlreadyRunningException extends RuntimeException {

    public SyncAlreadyRunningException(String account) {
        super("A sync of UTTS account " + account + " is already running");
    }
}

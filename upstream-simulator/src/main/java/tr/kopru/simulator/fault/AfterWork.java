package tr.kopru.simulator.fault;

/**
 * What becomes of a call's answer once its work is done: sent as it is, dropped with the connection, or replaced by
 * an error ("http500" or an upstream result code), as an upstream that fails after committing does.
 */
public record AfterWork(boolean drop, String error) {

    public static final AfterWork ANSWER = new AfterWork(false, null);
    public static final AfterWork DROP = new AfterWork(true, null);

    public static AfterWork error(String error) {
        return new AfterWork(false, error);
    }
}

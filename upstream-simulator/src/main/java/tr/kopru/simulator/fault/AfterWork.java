package tr.kopru.simulator.fault;

/**
 * What becomes of a call's answer once its work is done: sent as it is, dropped with the connection, or replaced by
 * an error ("http500" or an upstream result code), as an upstream that fails after committing does.
 *
 * @param shiftListing UTTS: records the listing shifts by before the page is cut (see {@link Fault#shiftListing()})
 */
public record AfterWork(boolean drop, String error, int shiftListing) {

    public static final AfterWork ANSWER = new AfterWork(false, null, 0);
    public static final AfterWork DROP = new AfterWork(true, null, 0);

    public static AfterWork error(String error) {
        return new AfterWork(false, error, 0);
    }

    public static AfterWork shifted(int records) {
        return new AfterWork(false, null, records);
    }
}

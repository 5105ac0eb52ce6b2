package tr.kopru.local.chaos;

/**
 * What the checker counts; the goal of each is 0. A fatal one (money lost, duplicated or wrongly settled, an event
 * missing, a ledger that does not match) fails the campaign; the others are shown for an operator.
 */
public enum Anomaly {
    BOOKING_WITHOUT_COLLECTION(true, "a FlexCity booking without exactly one collection COLLECTED (or CANCELLED)"),
    COLLECTED_WITHOUT_BOOKING(true, "a collection COLLECTED (or CANCELLED) without its booking at FlexCity"),
    INVOICE_BOOKED_TWICE(true, "an invoice FlexCity holds two live bookings of"),
    PAYMENT_MADE_MISSING(true, "a booked collection without a payment-made event"),
    PAYMENT_MADE_DUPLICATED(true, "a collection with two different payment-made event ids"),
    PAYMENT_MADE_WRONG(true, "a payment-made event of a collection that is not booked"),
    PAYMENT_CANCELLED_MISSING(true, "a cancelled collection without a payment-cancelled event"),
    PAYMENT_CANCELLED_DUPLICATED(true, "a collection with two different payment-cancelled event ids"),
    PAYMENT_CANCELLED_WRONG(true, "a payment-cancelled event of a collection that is not cancelled"),
    LEDGER_MISMATCH(true, "a desk-day whose ledger totals differ from FlexCity's"),
    DAY_NOT_MATCHED(true, "a desk-day with bookings whose latest reconciliation is not MATCHED"),
    MIRROR_MISSING(true, "an installation UTTS lists that the mirror lacks"),
    MIRROR_DIFFERS(true, "an installation whose status differs between UTTS and the mirror"),
    MIRROR_EXTRA(true, "an installation in the mirror that UTTS does not list"),
    INSTALLATION_EVENT_MISSING(true, "a mirrored installation whose last event does not carry its status"),
    INSTALLATION_EVENT_REPEATED(false, "an installation published twice unchanged under different event ids"),
    UPDATE_NOT_DELIVERED(true, "an accepted declaration update that was not delivered"),
    UPDATE_OUT_OF_ORDER(true, "a declaration whose updates reached customs out of acceptance order"),
    UPDATE_NOT_LATEST(true, "a declaration whose customs copy does not hold its latest accepted update"),
    OUTBOX_LEFT(true, "an event still waiting in an outbox after the settle window"),
    DEAD_LETTER(true, "a record in a dead-letter topic"),
    STILL_OPEN(false, "a collection still UNKNOWN, CANCEL_UNKNOWN or PENDING after the settle window (for an operator)"),
    REDELIVERED(false, "the same event id twice on a topic (at-least-once redelivery, not a defect)"),
    UNANSWERED(false, "a client request that never got an answer, even after its retries"),
    SERVER_ERROR(false, "a 5xx answer other than a 503 while a fault was in force");

    private final boolean fatal;
    private final String meaning;

    Anomaly(boolean fatal, String meaning) {
        this.fatal = fatal;
        this.meaning = meaning;
    }

    public boolean fatal() {
        return fatal;
    }

    public String meaning() {
        return meaning;
    }
}

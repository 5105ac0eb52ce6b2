package tr.kopru.local.chaos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the checker judges, read once the campaign is over: the upstreams' own records (through the simulator's
 * {@code /admin}), every record of the topics from their start, the services' tables, and what the clients saw.
 */
public record Evidence(
        List<Booking> bookings,
        List<Collection> collections,
        List<Event> paymentsMade,
        List<Event> paymentsCancelled,
        List<LedgerDay> ledger,
        List<ReconciledDay> reconciled,
        List<UttsRecord> utts,
        List<UttsRecord> mirror,
        List<InstallationEvent> installationEvents,
        List<Update> declarationUpdates,
        List<CustomsDeclaration> customs,
        Map<String, Long> outboxRows,
        Map<String, Long> deadLetters,
        List<ClientLog.Unanswered> unanswered,
        List<ClientLog.ServerError> serverErrors,
        List<FaultRunner.Window> faultWindows) {

    /** A collection FlexCity booked, cancelled or not. */
    public record Booking(String institution, long id, long deskId, BigDecimal amount, LocalDate day,
                          String transactionNumber, String invoiceNumber, boolean cancelled) {
    }

    /** A collection as collection-service holds it. */
    public record Collection(String id, String institution, long deskId, String transactionNumber,
                             String invoiceNumber, String state, BigDecimal amount, LocalDate day) {
    }

    /** A payment event on its topic: its CloudEvents id and the transaction it is about. */
    public record Event(String eventId, String transactionNumber) {
    }

    /** The ledger's totals of one desk and day. */
    public record LedgerDay(String institution, long deskId, LocalDate day, long collectedCount,
                            BigDecimal collectedAmount, long cancelledCount) {
    }

    /** The latest reconciliation of a desk and day. */
    public record ReconciledDay(String institution, long deskId, LocalDate day, String result) {
    }

    /** An installation: its id and status id (as UTTS lists it, or as the mirror holds it). */
    public record UttsRecord(long id, int statusId) {
    }

    /** An event on installation-events, in topic order per installation. */
    public record InstallationEvent(long installationId, String eventId, int statusId, String installation) {
    }

    /** A declaration update Köprü accepted, in acceptance order, with its delivery status. */
    public record Update(String declarationId, long sequence, String reference, String status) {
    }

    /** A declaration at customs: the references of the updates it received, in order, and the one it holds. */
    public record CustomsDeclaration(String id, List<String> received, String holds) {
    }
}

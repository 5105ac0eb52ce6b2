package tr.kopru.local.chaos;

import org.junit.jupiter.api.Test;
import tr.kopru.local.chaos.Evidence.Booking;
import tr.kopru.local.chaos.Evidence.Collection;
import tr.kopru.local.chaos.Evidence.CustomsDeclaration;
import tr.kopru.local.chaos.Evidence.Event;
import tr.kopru.local.chaos.Evidence.InstallationEvent;
import tr.kopru.local.chaos.Evidence.LedgerDay;
import tr.kopru.local.chaos.Evidence.ReconciledDay;
import tr.kopru.local.chaos.Evidence.Update;
import tr.kopru.local.chaos.Evidence.UttsRecord;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Each anomaly planted into otherwise sound evidence is counted, once, and under its own kind. */
class CheckerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    /** Sound evidence: two collections booked, one of them cancelled, every record in its place. */
    private static final class Sound {
        final List<Booking> bookings = new ArrayList<>(List.of(
                new Booking("city", 1, 31, new BigDecimal("10.00"), DAY, "T1", "I1", false),
                new Booking("city", 2, 31, new BigDecimal("20.00"), DAY, "T2", "I2", true)));
        final List<Collection> collections = new ArrayList<>(List.of(
                new Collection("c1", "city", 31, "T1", "I1", "COLLECTED", new BigDecimal("10.00"), DAY),
                new Collection("c2", "city", 31, "T2", "I2", "CANCELLED", new BigDecimal("20.00"), DAY),
                new Collection("c3", "city", 31, "T3", "I3", "REJECTED", new BigDecimal("30.00"), DAY)));
        final List<Event> made = new ArrayList<>(List.of(new Event("e1", "T1"), new Event("e2", "T2")));
        final List<Event> cancelled = new ArrayList<>(List.of(new Event("x2", "T2")));
        final List<LedgerDay> ledger = new ArrayList<>(List.of(
                new LedgerDay("city", 31, DAY, 1, new BigDecimal("10.00"), 1)));
        final List<ReconciledDay> reconciled = new ArrayList<>(List.of(new ReconciledDay("city", 31, DAY,
                "MATCHED")));
        final List<UttsRecord> utts = new ArrayList<>(List.of(new UttsRecord(100, 1), new UttsRecord(101, 2)));
        final List<UttsRecord> mirror = new ArrayList<>(List.of(new UttsRecord(100, 1), new UttsRecord(101, 2)));
        final List<InstallationEvent> installationEvents = new ArrayList<>(List.of(
                new InstallationEvent(100, "i1", 1, "{100 a}"), new InstallationEvent(101, "i2", 1, "{101 a}"),
                new InstallationEvent(101, "i3", 2, "{101 b}")));
        final List<Update> updates = new ArrayList<>(List.of(new Update("DEC-1", 1, "R1", "SENT"),
                new Update("DEC-1", 2, "R2", "SENT")));
        final List<CustomsDeclaration> customs = new ArrayList<>(List.of(
                new CustomsDeclaration("DEC-1", List.of("R1", "R1", "R2"), "R2")));
        final Map<String, Long> outbox = new LinkedHashMap<>();
        final Map<String, Long> deadLetters = new LinkedHashMap<>();
        final List<ClientLog.Unanswered> unanswered = new ArrayList<>();
        final List<ClientLog.ServerError> serverErrors = new ArrayList<>();
        final List<FaultRunner.Window> windows = new ArrayList<>(List.of(
                new FaultRunner.Window(FaultKind.KILL_POSTGRES, NOW, NOW.plusSeconds(5))));

        Evidence evidence() {
            return new Evidence(bookings, collections, made, cancelled, ledger, reconciled, utts, mirror,
                    installationEvents, updates, customs, outbox, deadLetters, unanswered, serverErrors, windows);
        }
    }

    private static Findings planted(Consumer<Sound> plant) {
        Sound sound = new Sound();
        plant.accept(sound);
        return Checker.check(sound.evidence());
    }

    private static void onlyThis(Findings findings, Anomaly anomaly, long count) {
        for (Anomaly kind : Anomaly.values()) {
            assertThat(findings.count(kind)).as(kind + " " + findings.examples(kind))
                    .isEqualTo(kind == anomaly ? count : 0);
        }
    }

    @Test
    void soundEvidenceHasNoAnomaly() {
        Findings findings = planted(sound -> { });
        onlyThis(findings, null, 0);
        assertThat(findings.failed()).isFalse();
    }

    @Test
    void aBookingWhoseCollectionWeRejectedIsLostMoney() {
        Findings findings = planted(s -> {
            s.bookings.add(new Booking("city", 3, 31, new BigDecimal("30.00"), DAY, "T3", "I3", false));
            s.ledger.set(0, new LedgerDay("city", 31, DAY, 2, new BigDecimal("40.00"), 1));
        });
        onlyThis(findings, Anomaly.BOOKING_WITHOUT_COLLECTION, 1);
        assertThat(findings.examples(Anomaly.BOOKING_WITHOUT_COLLECTION).get(0)).contains("T3", "c3 REJECTED");
        assertThat(findings.failed()).isTrue();
    }

    @Test
    void aCollectedCollectionFlexCityNeverBookedIsCounted() {
        Findings findings = planted(s -> {
            s.collections.add(new Collection("c4", "city", 31, "T4", "I4", "COLLECTED", BigDecimal.ONE, DAY));
            s.made.add(new Event("e4", "T4"));
        });
        onlyThis(findings, Anomaly.COLLECTED_WITHOUT_BOOKING, 1);
    }

    @Test
    void anInvoiceBookedTwiceIsCounted() {
        Findings findings = planted(s -> {
            s.bookings.add(new Booking("city", 5, 31, new BigDecimal("10.00"), DAY, "T5", "I1", false));
            s.collections.add(new Collection("c5", "city", 31, "T5", "I1", "COLLECTED", BigDecimal.TEN, DAY));
            s.made.add(new Event("e5", "T5"));
            s.ledger.set(0, new LedgerDay("city", 31, DAY, 2, new BigDecimal("20.00"), 1));
        });
        onlyThis(findings, Anomaly.INVOICE_BOOKED_TWICE, 1);
    }

    @Test
    void paymentMadeMissingDuplicatedOrOfAnUnbookedCollectionIsEachCounted() {
        onlyThis(planted(s -> s.made.remove(0)), Anomaly.PAYMENT_MADE_MISSING, 1);
        onlyThis(planted(s -> s.made.add(new Event("e1-again", "T1"))), Anomaly.PAYMENT_MADE_DUPLICATED, 1);
        onlyThis(planted(s -> s.made.add(new Event("e3", "T3"))), Anomaly.PAYMENT_MADE_WRONG, 1);
    }

    @Test
    void theSameEventIdTwiceIsRedeliveryNotADefect() {
        Findings findings = planted(s -> s.made.add(new Event("e1", "T1")));
        onlyThis(findings, Anomaly.REDELIVERED, 1);
        assertThat(findings.failed()).isFalse();
    }

    @Test
    void paymentCancelledMissingDuplicatedOrWrongIsEachCounted() {
        onlyThis(planted(s -> s.cancelled.clear()), Anomaly.PAYMENT_CANCELLED_MISSING, 1);
        onlyThis(planted(s -> s.cancelled.add(new Event("x2-again", "T2"))), Anomaly.PAYMENT_CANCELLED_DUPLICATED, 1);
        onlyThis(planted(s -> s.cancelled.add(new Event("x1", "T1"))), Anomaly.PAYMENT_CANCELLED_WRONG, 1);
    }

    @Test
    void aLedgerThatDiffersFromFlexCityAndADayNotMatchedAreCounted() {
        onlyThis(planted(s -> s.ledger.set(0, new LedgerDay("city", 31, DAY, 1, new BigDecimal("10.01"), 1))),
                Anomaly.LEDGER_MISMATCH, 1);
        onlyThis(planted(s -> s.reconciled.set(0, new ReconciledDay("city", 31, DAY, "MISMATCHED"))),
                Anomaly.DAY_NOT_MATCHED, 1);
        onlyThis(planted(s -> s.reconciled.clear()), Anomaly.DAY_NOT_MATCHED, 1);
    }

    @Test
    void theMirrorIsComparedRecordByRecordWithUtts() {
        onlyThis(planted(s -> s.utts.add(new UttsRecord(102, 1))), Anomaly.MIRROR_MISSING, 1);
        onlyThis(planted(s -> {
            s.mirror.set(1, new UttsRecord(101, 3));
            s.installationEvents.add(new InstallationEvent(101, "i4", 3, "{101 c}"));
        }), Anomaly.MIRROR_DIFFERS, 1);
        onlyThis(planted(s -> {
            s.mirror.add(new UttsRecord(103, 1));
            s.installationEvents.add(new InstallationEvent(103, "i5", 1, "{103 a}"));
        }), Anomaly.MIRROR_EXTRA, 1);
    }

    @Test
    void aMirroredRecordWithoutAnEventOfItsStatusOrPublishedTwiceUnchangedIsCounted() {
        onlyThis(planted(s -> s.installationEvents.remove(2)), Anomaly.INSTALLATION_EVENT_MISSING, 1);
        onlyThis(planted(s -> s.installationEvents.add(new InstallationEvent(101, "i9", 2, "{101 b}"))),
                Anomaly.INSTALLATION_EVENT_REPEATED, 1);
    }

    @Test
    void declarationUpdatesUndeliveredOutOfOrderOrNotTheLatestAreCounted() {
        onlyThis(planted(s -> s.updates.set(0, new Update("DEC-1", 1, "R1", "FAILED"))),
                Anomaly.UPDATE_NOT_DELIVERED, 1);
        onlyThis(planted(s -> s.customs.set(0, new CustomsDeclaration("DEC-1", List.of("R1", "R2", "R1", "R2"),
                "R2"))), Anomaly.UPDATE_OUT_OF_ORDER, 1);
        onlyThis(planted(s -> s.customs.set(0, new CustomsDeclaration("DEC-1", List.of("R1"), "R1"))),
                Anomaly.UPDATE_NOT_LATEST, 1);
    }

    @Test
    void outboxRowsAndDeadLettersLeftAreCounted() {
        onlyThis(planted(s -> s.outbox.put("collection", 2L)), Anomaly.OUTBOX_LEFT, 2);
        onlyThis(planted(s -> s.deadLetters.put("payment-made.dlq", 1L)), Anomaly.DEAD_LETTER, 1);
    }

    @Test
    void aCollectionStillUnknownIsListedForAnOperatorNotCountedAsLost() {
        Findings findings = planted(s -> {
            s.collections.add(new Collection("c6", "city", 31, "T6", "I6", "UNKNOWN", BigDecimal.ONE, DAY));
            s.bookings.add(new Booking("city", 6, 31, BigDecimal.ONE, DAY, "T6", "I6", false));
            s.ledger.set(0, new LedgerDay("city", 31, DAY, 2, new BigDecimal("11.00"), 1));
        });
        onlyThis(findings, Anomaly.STILL_OPEN, 1);
        assertThat(findings.failed()).isFalse();
    }

    @Test
    void clientsThatGotNoAnswerOrA5xxOtherThanA503DuringAFaultAreCounted() {
        onlyThis(planted(s -> s.unanswered.add(new ClientLog.Unanswered("collect", "no answer"))),
                Anomaly.UNANSWERED, 1);
        onlyThis(planted(s -> s.serverErrors.add(new ClientLog.ServerError("collect", 503, NOW.plusSeconds(2),
                "{}"))), null, 0);
        onlyThis(planted(s -> s.serverErrors.add(new ClientLog.ServerError("collect", 500, NOW.plusSeconds(2),
                "{}"))), Anomaly.SERVER_ERROR, 1);
        onlyThis(planted(s -> s.serverErrors.add(new ClientLog.ServerError("collect", 503, NOW.plusSeconds(300),
                "{}"))), Anomaly.SERVER_ERROR, 1);
    }
}

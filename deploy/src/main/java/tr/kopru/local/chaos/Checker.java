package tr.kopru.local.chaos;

import tr.kopru.local.chaos.Evidence.Booking;
import tr.kopru.local.chaos.Evidence.Collection;
import tr.kopru.local.chaos.Evidence.Event;
import tr.kopru.local.chaos.Evidence.InstallationEvent;
import tr.kopru.local.chaos.Evidence.LedgerDay;
import tr.kopru.local.chaos.Evidence.UttsRecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Judges a campaign from its {@link Evidence}, trusting the upstreams' records and the topics, never the services'
 * own counters: every booking FlexCity holds has exactly one collection settled to match it and one event of each
 * kind on the topics; the ledger adds up to FlexCity's bookings per desk and day and every such day reconciled
 * MATCHED; the installation mirror equals UTTS record by record with an event carrying each record's status; every
 * accepted declaration update reached customs in order; nothing is left in an outbox or a dead-letter topic; and
 * what the clients saw.
 */
public final class Checker {

    /** How long after a fault a 503 still counts as the fault's (a restarted instance is warming up). */
    static final Duration FAULT_AFTERMATH = Duration.ofSeconds(30);
    private static final Set<String> OPEN = Set.of("PENDING", "UNKNOWN", "CANCELLING", "CANCEL_UNKNOWN");

    private final Findings findings = new Findings();

    private Checker() {
    }

    public static Findings check(Evidence evidence) {
        Checker checker = new Checker();
        checker.money(evidence.bookings(), evidence.collections());
        checker.paymentEvents(evidence);
        checker.ledger(evidence);
        checker.installations(evidence);
        checker.declarations(evidence);
        evidence.outboxRows().forEach((schema, rows) -> {
            for (long i = 0; i < rows; i++) {
                checker.findings.add(Anomaly.OUTBOX_LEFT, schema + ".outbox_event holds " + rows + " rows");
            }
        });
        evidence.deadLetters().forEach((topic, records) -> {
            for (long i = 0; i < records; i++) {
                checker.findings.add(Anomaly.DEAD_LETTER, topic + " holds " + records + " records");
            }
        });
        checker.clients(evidence);
        return checker.findings;
    }

    private void money(List<Booking> bookings, List<Collection> collections) {
        Map<String, Collection> ours = collections.stream()
                .collect(Collectors.toMap(Collection::transactionNumber, Function.identity(), (a, b) -> a));
        Map<String, List<Booking>> byTransaction = bookings.stream().filter(b -> b.transactionNumber() != null)
                .collect(Collectors.groupingBy(Booking::transactionNumber, LinkedHashMap::new, Collectors.toList()));
        byTransaction.forEach((transaction, booked) -> {
            Collection collection = ours.get(transaction);
            if (booked.size() > 1) {
                findings.add(Anomaly.BOOKING_WITHOUT_COLLECTION, "transaction " + transaction + " is booked "
                        + booked.size() + " times at FlexCity");
            }
            Booking booking = booked.get(0);
            String wanted = booking.cancelled() ? "CANCELLED" : "COLLECTED";
            if (collection != null && OPEN.contains(collection.state())) {
                return;
            }
            if (collection == null || !collection.state().equals(wanted)) {
                findings.add(Anomaly.BOOKING_WITHOUT_COLLECTION, "FlexCity " + (booking.cancelled() ? "cancelled "
                        : "booked ") + booking.institution() + " #" + booking.id() + " (transaction " + transaction
                        + ", invoice " + booking.invoiceNumber() + "); ours is "
                        + (collection == null ? "missing" : collection.id() + " " + collection.state()));
            }
        });
        bookings.stream().filter(b -> !b.cancelled())
                .collect(Collectors.groupingBy(b -> b.institution() + " invoice " + b.invoiceNumber(),
                        Collectors.counting()))
                .forEach((invoice, count) -> {
                    if (count > 1) {
                        findings.add(Anomaly.INVOICE_BOOKED_TWICE, invoice + " has " + count + " live bookings");
                    }
                });
        for (Collection collection : collections) {
            List<Booking> booked = byTransaction.getOrDefault(collection.transactionNumber(), List.of());
            boolean live = booked.stream().anyMatch(b -> !b.cancelled());
            boolean cancelled = booked.stream().anyMatch(Booking::cancelled);
            if (collection.state().equals("COLLECTED") && !live
                    || collection.state().equals("CANCELLED") && !cancelled) {
                findings.add(Anomaly.COLLECTED_WITHOUT_BOOKING, "collection " + collection.id() + " is "
                        + collection.state() + " (transaction " + collection.transactionNumber() + ") but FlexCity "
                        + (booked.isEmpty() ? "has no booking of it" : "has it " + (live ? "live" : "cancelled")));
            }
            if (OPEN.contains(collection.state())) {
                findings.add(Anomaly.STILL_OPEN, "collection " + collection.id() + " is " + collection.state()
                        + " (transaction " + collection.transactionNumber() + ")");
            }
        }
    }

    private void paymentEvents(Evidence evidence) {
        Map<String, Collection> ours = evidence.collections().stream()
                .collect(Collectors.toMap(Collection::transactionNumber, Function.identity(), (a, b) -> a));
        events(evidence.paymentsMade(), ours, Set.of("COLLECTED", "CANCELLED", "CANCELLING", "CANCEL_UNKNOWN"),
                Anomaly.PAYMENT_MADE_MISSING, Anomaly.PAYMENT_MADE_DUPLICATED, Anomaly.PAYMENT_MADE_WRONG,
                "payment-made");
        events(evidence.paymentsCancelled(), ours, Set.of("CANCELLED"), Anomaly.PAYMENT_CANCELLED_MISSING,
                Anomaly.PAYMENT_CANCELLED_DUPLICATED, Anomaly.PAYMENT_CANCELLED_WRONG, "payment-cancelled");
    }

    /** Exactly one event id per collection in {@code owed}; none for any other. */
    private void events(List<Event> events, Map<String, Collection> ours, Set<String> owed, Anomaly missing,
                        Anomaly duplicated, Anomaly wrong, String topic) {
        Map<String, List<String>> idsByTransaction = new HashMap<>();
        events.forEach(e -> idsByTransaction.computeIfAbsent(e.transactionNumber(), t -> new ArrayList<>())
                .add(e.eventId()));
        idsByTransaction.forEach((transaction, ids) -> {
            Set<String> distinct = new LinkedHashSet<>(ids);
            Collection collection = ours.get(transaction);
            if (collection == null || !owed.contains(collection.state())) {
                findings.add(wrong, topic + " of transaction " + transaction + " whose collection is "
                        + (collection == null ? "unknown" : collection.state()));
            } else if (distinct.size() > 1) {
                findings.add(duplicated, topic + " of transaction " + transaction + " under " + distinct.size()
                        + " event ids " + distinct);
            }
            if (ids.size() > distinct.size()) {
                findings.add(Anomaly.REDELIVERED, topic + " event " + ids.get(0) + " " + ids.size() + " times");
            }
        });
        ours.values().stream().filter(c -> owed.contains(c.state()) && !OPEN.contains(c.state()))
                .filter(c -> !idsByTransaction.containsKey(c.transactionNumber()))
                .forEach(c -> findings.add(missing, "collection " + c.id() + " " + c.state() + " (transaction "
                        + c.transactionNumber() + ") has no " + topic));
    }

    private void ledger(Evidence evidence) {
        Map<String, LedgerDay> theirs = new LinkedHashMap<>();
        for (Booking b : evidence.bookings()) {
            String key = deskDay(b.institution(), b.deskId(), b.day());
            LedgerDay day = theirs.getOrDefault(key, new LedgerDay(b.institution(), b.deskId(), b.day(), 0,
                    BigDecimal.ZERO, 0));
            theirs.put(key, b.cancelled()
                    ? new LedgerDay(day.institution(), day.deskId(), day.day(), day.collectedCount(),
                    day.collectedAmount(), day.cancelledCount() + 1)
                    : new LedgerDay(day.institution(), day.deskId(), day.day(), day.collectedCount() + 1,
                    day.collectedAmount().add(b.amount()), day.cancelledCount()));
        }
        Map<String, LedgerDay> ours = evidence.ledger().stream()
                .collect(Collectors.toMap(d -> deskDay(d.institution(), d.deskId(), d.day()), Function.identity()));
        Set<String> days = new LinkedHashSet<>(theirs.keySet());
        days.addAll(ours.keySet());
        for (String key : days) {
            LedgerDay flexCity = theirs.get(key);
            LedgerDay ledger = ours.get(key);
            if (flexCity == null || ledger == null || flexCity.collectedCount() != ledger.collectedCount()
                    || flexCity.collectedAmount().compareTo(ledger.collectedAmount()) != 0
                    || flexCity.cancelledCount() != ledger.cancelledCount()) {
                findings.add(Anomaly.LEDGER_MISMATCH, key + ": FlexCity " + totals(flexCity) + ", ledger "
                        + totals(ledger));
            }
        }
        Map<String, String> results = new HashMap<>();
        evidence.reconciled().forEach(r -> results.put(deskDay(r.institution(), r.deskId(), r.day()), r.result()));
        theirs.keySet().forEach(key -> {
            String result = results.get(key);
            if (!"MATCHED".equals(result)) {
                findings.add(Anomaly.DAY_NOT_MATCHED, key + " is " + (result == null ? "not reconciled" : result));
            }
        });
    }

    private void installations(Evidence evidence) {
        Map<Long, Integer> utts = statuses(evidence.utts());
        Map<Long, Integer> mirror = statuses(evidence.mirror());
        utts.forEach((id, status) -> {
            Integer mirrored = mirror.get(id);
            if (mirrored == null) {
                findings.add(Anomaly.MIRROR_MISSING, "installation " + id + " (status " + status + ")");
            } else if (!mirrored.equals(status)) {
                findings.add(Anomaly.MIRROR_DIFFERS, "installation " + id + ": UTTS status " + status + ", mirror "
                        + mirrored);
            }
        });
        mirror.keySet().stream().filter(id -> !utts.containsKey(id))
                .forEach(id -> findings.add(Anomaly.MIRROR_EXTRA, "installation " + id));
        Map<Long, List<InstallationEvent>> byInstallation = evidence.installationEvents().stream()
                .collect(Collectors.groupingBy(InstallationEvent::installationId));
        mirror.forEach((id, status) -> {
            List<InstallationEvent> events = byInstallation.getOrDefault(id, List.of());
            if (events.isEmpty() || events.get(events.size() - 1).statusId() != status) {
                findings.add(Anomaly.INSTALLATION_EVENT_MISSING, "installation " + id + " (status " + status
                        + "): " + (events.isEmpty() ? "no event" : "last event has status "
                        + events.get(events.size() - 1).statusId()));
            }
        });
        byInstallation.forEach((id, events) -> {
            for (int i = 1; i < events.size(); i++) {
                InstallationEvent before = events.get(i - 1);
                InstallationEvent event = events.get(i);
                if (event.eventId().equals(before.eventId())) {
                    findings.add(Anomaly.REDELIVERED, "installation event " + event.eventId());
                } else if (event.installation().equals(before.installation())) {
                    findings.add(Anomaly.INSTALLATION_EVENT_REPEATED, "installation " + id + ": events "
                            + before.eventId() + " and " + event.eventId() + " carry the same record");
                }
            }
        });
    }

    private void declarations(Evidence evidence) {
        Map<String, Evidence.CustomsDeclaration> customs = evidence.customs().stream()
                .collect(Collectors.toMap(Evidence.CustomsDeclaration::id, Function.identity()));
        Map<String, List<Evidence.Update>> byDeclaration = evidence.declarationUpdates().stream()
                .sorted(Comparator.comparingLong(Evidence.Update::sequence))
                .collect(Collectors.groupingBy(Evidence.Update::declarationId, LinkedHashMap::new,
                        Collectors.toList()));
        byDeclaration.forEach((declaration, updates) -> {
            updates.stream().filter(u -> !u.status().equals("SENT")).forEach(u -> findings.add(
                    Anomaly.UPDATE_NOT_DELIVERED, declaration + " update " + u.reference() + " is " + u.status()));
            Evidence.CustomsDeclaration atCustoms = customs.get(declaration);
            List<String> received = atCustoms == null ? List.of() : atCustoms.received();
            Map<String, Integer> rank = new HashMap<>();
            for (int i = 0; i < updates.size(); i++) {
                rank.put(updates.get(i).reference(), i);
            }
            int highest = -1;
            for (String reference : received) {
                int r = rank.getOrDefault(reference, -1);
                if (r < highest) {
                    findings.add(Anomaly.UPDATE_OUT_OF_ORDER, declaration + ": " + reference + " reached customs "
                            + "after " + updates.get(highest).reference());
                }
                highest = Math.max(highest, r);
            }
            String latest = updates.get(updates.size() - 1).reference();
            String holds = atCustoms == null ? null : atCustoms.holds();
            if (!Objects.equals(latest, holds)) {
                findings.add(Anomaly.UPDATE_NOT_LATEST, declaration + " holds " + holds + " at customs; the latest "
                        + "accepted update is " + latest);
            }
        });
    }

    private void clients(Evidence evidence) {
        evidence.unanswered().forEach(u -> findings.add(Anomaly.UNANSWERED, u.operation() + ": " + u.detail()));
        for (ClientLog.ServerError error : evidence.serverErrors()) {
            boolean duringFault = evidence.faultWindows().stream().anyMatch(w -> !error.at().isBefore(w.from())
                    && !error.at().isAfter(w.until().plus(FAULT_AFTERMATH)));
            if (error.status() != 503 || !duringFault) {
                findings.add(Anomaly.SERVER_ERROR, error.operation() + ": HTTP " + error.status()
                        + (duringFault ? "" : " with no fault in force") + " " + abbreviate(error.body()));
            }
        }
    }

    private static Map<Long, Integer> statuses(List<UttsRecord> records) {
        Map<Long, Integer> statuses = new LinkedHashMap<>();
        records.forEach(r -> statuses.put(r.id(), r.statusId()));
        return statuses;
    }

    private static String deskDay(String institution, long deskId, LocalDate day) {
        return institution + " desk " + deskId + " " + day;
    }

    private static String totals(LedgerDay day) {
        return day == null ? "nothing" : day.collectedCount() + " collected (" + day.collectedAmount().toPlainString()
                + " TRY), " + day.cancelledCount() + " cancelled";
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}

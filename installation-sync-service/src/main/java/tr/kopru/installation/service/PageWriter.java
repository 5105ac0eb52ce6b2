package tr.kopru.installation.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.installation.client.UttsPage;
import tr.kopru.installation.domain.InstallationSnapshot;
import tr.kopru.installation.domain.PageOutcome;
import tr.kopru.installation.domain.UnreadableRecordException;
import tr.kopru.installation.domain.UttsField;
import tr.kopru.installation.domain.UttsRecord;
import tr.kopru.installation.domain.UttsRecordParser;
import tr.kopru.installation.repository.InstallationRepository;
import tr.kopru.installation.repository.RejectedRecordRepository;
import tr.kopru.installation.repository.SyncRunRepository;
import tr.kopru.model.event.EventType;
import tr.kopru.model.event.InstallationChanged;
import tr.kopru.model.event.InstallationRecorded;
import tr.kopru.runtime.db.IndexPlans;
import tr.kopru.runtime.outbox.Outbox;
import tr.kopru.runtime.outbox.OutboxMessage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes one page of a sync in one transaction: new installations are inserted and announced (recorded), changed
 * ones overwritten, their history kept and announced (changed, with the fields), unchanged ones not written at all;
 * unreadable records are kept aside; the run's counters move on.
 */
@ApplicationScoped
public class PageWriter {

    private static final Logger LOG = Logger.getLogger(PageWriter.class);

    private final Pool pool;
    private final InstallationRepository installations;
    private final RejectedRecordRepository rejectedRecords;
    private final SyncRunRepository runs;
    private final Outbox outbox;
    private final Clock clock;

    public PageWriter(Pool pool, InstallationRepository installations, RejectedRecordRepository rejectedRecords,
                      SyncRunRepository runs, Outbox outbox, Clock clock) {
        this.pool = pool;
        this.installations = installations;
        this.rejectedRecords = rejectedRecords;
        this.runs = runs;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Parses and fingerprints a page's records (the CPU-heavy part, done before the page's turn to be written):
     * unreadable records are logged (masked) and set aside.
     */
    public ReadPage read(String account, UttsPage page) {
        Instant now = clock.instant();
        Map<Long, InstallationSnapshot> snapshots = new LinkedHashMap<>();
        Map<Long, String> hashes = new HashMap<>();
        List<RejectedRecordRepository.Rejected> rejected = new ArrayList<>();
        for (UttsRecord record : page.items()) {
            try {
                InstallationSnapshot snapshot = UttsRecordParser.parse(record, account, now);
                snapshots.put(snapshot.installationId(), snapshot);
                hashes.put(snapshot.installationId(), snapshot.contentHash());
            } catch (UnreadableRecordException e) {
                LOG.warnf("UTTS account %s, page %d: record %s rejected: %s", account, page.pageNumber(),
                        Objects.requireNonNullElse(record.text(UttsField.ID), "?"), e.getMessage());
                rejected.add(new RejectedRecordRepository.Rejected(idOf(record), record.readFieldsJson(),
                        e.getMessage()));
            }
        }
        return new ReadPage(page.pageNumber(), page.items().size(), page.totalCount(), page.totalPages(),
                page.isLast(), snapshots, hashes, rejected, Set.of());
    }

    /** The record's installation id, when it is a number; null when even that cannot be read. */
    private static Long idOf(UttsRecord record) {
        String id = record.text(UttsField.ID);
        return id != null && id.matches("[1-9][0-9]{0,17}") ? Long.valueOf(id) : null;
    }

    /**
     * Writes a page. {@code insertFirst}, for a page expected to be all new (the page before was): its records are
     * inserted at once, and only those already stored are looked up and compared. Either way the outcome is the same;
     * only the statements differ.
     */
    public Uni<PageOutcome> write(long runId, String account, ReadPage page, boolean insertFirst) {
        Instant now = clock.instant();
        Map<Long, InstallationSnapshot> read = page.snapshots();
        // A first sync grows the mirror by a million rows faster than autovacuum re-analyses it: a lookup planned
        // from the stale statistics compared every stored row with the page's thousand ids.
        return pool.withTransaction(tx -> IndexPlans.use(tx)
                .chain(() -> insertFirst
                        ? installations.insertNew(tx, List.copyOf(read.values()), page.hashes(), runId, now)
                        : Uni.createFrom().item(Set.<Long>of()))
                .chain(inserted -> installations.findHashes(tx, read.keySet().stream()
                                .filter(id -> !inserted.contains(id)).toList())
                        .chain(stored -> installations.findByIds(tx, changedIds(page, stored))
                                .map(changedBefore -> classify(page, inserted, stored, changedBefore, runId, now))))
                .chain(work -> {
                    PageOutcome outcome = new PageOutcome(page.newSightings(), work.created(), work.changes().size(),
                            work.unchanged(), page.rejected().size());
                    return installations.upsert(tx, work.toWrite(), page.hashes(), runId, now)
                            .chain(() -> installations.refreshFingerprints(tx, work.refingerprinted()))
                            .chain(() -> installations.recordChanges(tx, work.changes()))
                            .chain(() -> outbox.appendAll(tx, work.events()))
                            .chain(() -> rejectedRecords.keep(tx, runId, account, page.pageNumber(), page.rejected(),
                                    now))
                            .chain(() -> runs.countPage(tx, runId, outcome, page.totalPages()))
                            .replaceWith(outcome);
                }));
    }

    /** What a page asks to write: new and changed installations, their history and their events. */
    private record PageWork(List<InstallationSnapshot> toWrite, Map<Long, String> refingerprinted,
                            List<InstallationRepository.Change> changes, List<OutboxMessage> events, long created,
                            long unchanged) {
    }

    /** The ids whose stored fingerprint differs: only these need their stored content, for the diff. */
    private static List<Long> changedIds(ReadPage page, Map<Long, String> stored) {
        return page.hashes().entrySet().stream()
                .filter(read -> stored.containsKey(read.getKey()) && !stored.get(read.getKey()).equals(read.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * New installations (already {@code inserted}, or not among the stored {@code hashes}) are announced, changed
     * ones compared with how they were, the rest counted as unchanged, but for those the run has already counted
     * (the page's repeats).
     */
    private PageWork classify(ReadPage page, Set<Long> inserted, Map<Long, String> hashes,
                              Map<Long, InstallationRepository.Stored> changedBefore, long runId, Instant now) {
        List<InstallationSnapshot> toWrite = new ArrayList<>();
        Map<Long, String> refingerprinted = new HashMap<>();
        List<InstallationRepository.Change> changes = new ArrayList<>();
        List<OutboxMessage> events = new ArrayList<>();
        long created = 0;
        long unchanged = 0;
        for (InstallationSnapshot snapshot : page.snapshots().values()) {
            String key = Long.toString(snapshot.installationId());
            InstallationRepository.Stored before = changedBefore.get(snapshot.installationId());
            boolean insertedAlready = inserted.contains(snapshot.installationId());
            if (insertedAlready || !hashes.containsKey(snapshot.installationId())) {
                created++;
                if (!insertedAlready) {
                    toWrite.add(snapshot);
                }
                events.add(outbox.message(EventType.INSTALLATION_RECORDED, key,
                        new InstallationRecorded(snapshot.toEvent())));
            } else if (before == null) {
                if (!page.repeats().contains(snapshot.installationId())) {
                    unchanged++;
                }
            } else {
                List<String> fields = snapshot.changedFieldsSince(before.snapshot());
                if (fields.isEmpty()) {
                    // The fingerprint covers other fields than when it was stored (see V5): only it is rewritten.
                    refingerprinted.put(snapshot.installationId(), page.hashes().get(snapshot.installationId()));
                    unchanged++;
                    continue;
                }
                toWrite.add(snapshot);
                changes.add(new InstallationRepository.Change(snapshot.installationId(), runId, now, fields,
                        before.snapshot().status(), snapshot.status()));
                events.add(outbox.message(EventType.INSTALLATION_CHANGED, key, new InstallationChanged(
                        snapshot.toEvent(), fields, before.snapshot().status(), before.snapshot().statusId())));
            }
        }
        return new PageWork(toWrite, refingerprinted, changes, events, created, unchanged);
    }
}

package tr.kopru.installation.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.installation.client.UttsPage;
import tr.kopru.installation.domain.InstallationSnapshot;
import tr.kopru.installation.domain.PageOutcome;
import tr.kopru.installation.domain.UnreadableRecordException;
import tr.kopru.installation.domain.UttsRecordParser;
import tr.kopru.installation.repository.InstallationRepository;
import tr.kopru.installation.repository.RejectedRecordRepository;
import tr.kopru.installation.repository.SyncRunRepository;
import tr.kopru.model.event.EventType;
import tr.kopru.model.event.InstallationChanged;
import tr.kopru.model.event.InstallationRecorded;
import tr.kopru.runtime.outbox.Outbox;
import tr.kopru.runtime.outbox.OutboxMessage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public Uni<PageOutcome> write(long runId, String account, UttsPage page) {
        Instant now = clock.instant();
        Map<Long, InstallationSnapshot> read = new LinkedHashMap<>();
        List<RejectedRecordRepository.Rejected> rejected = new ArrayList<>();
        for (JsonNode record : page.items()) {
            try {
                InstallationSnapshot snapshot = UttsRecordParser.parse(record, account, now);
                read.put(snapshot.installationId(), snapshot);
            } catch (UnreadableRecordException e) {
                LOG.warnf("UTTS account %s, page %d: record %s rejected: %s", account, page.pageNumber(),
                        record.path("vehicleOrderInstallationId").asText("?"), e.getMessage());
                rejected.add(new RejectedRecordRepository.Rejected(record.toString(), e.getMessage()));
            }
        }
        return pool.withTransaction(tx -> installations.findByIds(tx, List.copyOf(read.keySet())).chain(stored -> {
            List<InstallationSnapshot> toWrite = new ArrayList<>();
            List<InstallationRepository.Change> changes = new ArrayList<>();
            List<OutboxMessage> events = new ArrayList<>();
            long unchanged = 0;
            long created = 0;
            for (InstallationSnapshot snapshot : read.values()) {
                InstallationRepository.Stored before = stored.get(snapshot.installationId());
                String key = Long.toString(snapshot.installationId());
                if (before == null) {
                    created++;
                    toWrite.add(snapshot);
                    events.add(outbox.message(EventType.INSTALLATION_RECORDED, key,
                            new InstallationRecorded(snapshot.toEvent())));
                } else if (before.contentHash().equals(snapshot.contentHash())) {
                    unchanged++;
                } else {
                    List<String> fields = snapshot.changedFieldsSince(before.snapshot());
                    toWrite.add(snapshot);
                    changes.add(new InstallationRepository.Change(snapshot.installationId(), runId, now, fields,
                            before.snapshot().status(), snapshot.status()));
                    events.add(outbox.message(EventType.INSTALLATION_CHANGED, key, new InstallationChanged(
                            snapshot.toEvent(), fields, before.snapshot().status(), before.snapshot().statusId())));
                }
            }
            PageOutcome outcome = new PageOutcome(page.items().size(), created, changes.size(), unchanged,
                    rejected.size());
            return installations.upsert(tx, toWrite, runId, now)
                    .chain(() -> installations.recordChanges(tx, changes))
                    .chain(() -> outbox.appendAll(tx, events))
                    .chain(() -> rejectedRecords.keep(tx, runId, account, page.pageNumber(), rejected, now))
                    .chain(() -> runs.countPage(tx, runId, outcome, page.totalPages()))
                    .replaceWith(outcome);
        }));
    }
}

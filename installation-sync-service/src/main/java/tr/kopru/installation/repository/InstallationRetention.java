package tr.kopru.installation.repository;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import tr.kopru.runtime.retention.RetentionRule;

import java.time.Duration;

/**
 * How long the mirror keeps what it does not need for ever (KVKK): rejected records (whole upstream records,
 * personal data included), the history of changes, and finished sync runs. A run is kept while a change or a
 * rejected record of its own is, and the latest finished run of each account always.
 */
public class InstallationRetention {

    @Produces
    @Singleton
    RetentionRule rejectedRecords(@ConfigProperty(name = "kopru.retention.rejected-records",
            defaultValue = "30d") Duration keep) {
        return new RetentionRule("rejected UTTS records", keep, """
                DELETE FROM rejected_record WHERE id IN (
                    SELECT id FROM rejected_record WHERE rejected_at < $1 LIMIT $2)""");
    }

    @Produces
    @Singleton
    RetentionRule changeHistory(@ConfigProperty(name = "kopru.retention.change-history",
            defaultValue = "365d") Duration keep) {
        return new RetentionRule("installation changes", keep, """
                DELETE FROM installation_change WHERE id IN (
                    SELECT id FROM installation_change WHERE changed_at < $1 LIMIT $2)""");
    }

    @Produces
    @Singleton
    RetentionRule finishedRuns(@ConfigProperty(name = "kopru.retention.runs", defaultValue = "90d") Duration keep) {
        return new RetentionRule("finished sync runs", keep, """
                DELETE FROM sync_run WHERE id IN (
                    SELECT r.id FROM sync_run r
                    WHERE r.finished_at < $1
                      AND NOT EXISTS (SELECT 1 FROM installation_change c WHERE c.run_id = r.id)
                      AND NOT EXISTS (SELECT 1 FROM rejected_record j WHERE j.run_id = r.id)
                      AND r.id <> (SELECT max(l.id) FROM sync_run l
                                   WHERE l.utts_account = r.utts_account AND l.finished_at IS NOT NULL)
                    LIMIT $2)""");
    }
}

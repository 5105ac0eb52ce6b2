package tr.kopru.collection.repository;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import tr.kopru.runtime.retention.RetentionRule;

import java.time.Duration;

/**
 * How long the service keeps finished scan runs (the latest always). Collections, their transitions and settled
 * invoices are records of money, kept as the law on such records asks, and are not purged here.
 */
public class CollectionRetention {

    @Produces
    @Singleton
    RetentionRule finishedScanRuns(@ConfigProperty(name = "kopru.retention.runs", defaultValue = "90d")
                                   Duration keep) {
        return new RetentionRule("finished scan runs", keep, """
                DELETE FROM scan_run WHERE id IN (
                    SELECT id FROM scan_run
                    WHERE finished_at < $1 AND id <> (SELECT max(id) FROM scan_run WHERE finished_at IS NOT NULL)
                    LIMIT $2)""");
    }
}

package tr.kopru.runtime.retention;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import tr.kopru.runtime.db.SqlTimes;
import tr.kopru.runtime.lock.ScheduledTurns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes what each {@link RetentionRule} of the service no longer keeps, every {@code kopru.retention.purge-every}
 * (6 hours), once across the replicas ({@link ScheduledTurns}), in batches of {@value #BATCH} rows.
 */
@ApplicationScoped
public class RetentionPurge {

    static final int BATCH = 5_000;
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    private final Instance<RetentionRule> rules;
    private final Pool pool;
    private final ScheduledTurns turns;
    private final Clock clock;
    private final Duration every;

    public RetentionPurge(Instance<RetentionRule> rules, Pool pool, ScheduledTurns turns, Clock clock,
                          @ConfigProperty(name = "kopru.retention.purge-every", defaultValue = "6h") String every) {
        this.rules = rules;
        this.pool = pool;
        this.turns = turns;
        this.clock = clock;
        this.every = DurationConverter.parseDuration(every);
    }

    @Scheduled(every = "${kopru.retention.purge-every:6h}", delayed = "${kopru.retention.purge-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return turns.inTurn("retention-purge", every, this::purge);
    }

    /** Purges every rule now; answers how many rows each removed, by what they are. */
    public Uni<Map<String, Long>> purge() {
        Instant now = clock.instant();
        Map<String, Long> purged = new LinkedHashMap<>();
        List<RetentionRule> all = rules.stream().toList();
        return Multi.createFrom().iterable(all)
                .onItem().transformToUniAndConcatenate(rule -> purge(rule, now.minus(rule.keep()), 0)
                        .invoke(count -> purged.put(rule.what(), count)))
                .collect().last()
                .map(done -> purged)
                .invoke(counts -> counts.forEach((what, count) -> {
                    if (count > 0) {
                        LOG.infof("Retention: purged %d %s", count, what);
                    }
                }));
    }

    private Uni<Long> purge(RetentionRule rule, Instant cutoff, long soFar) {
        return pool.preparedQuery(rule.deleteOldest()).execute(Tuple.of(SqlTimes.offset(cutoff), BATCH))
                .chain(rows -> rows.rowCount() < BATCH ? Uni.createFrom().item(soFar + rows.rowCount())
                        : purge(rule, cutoff, soFar + rows.rowCount()));
    }
}

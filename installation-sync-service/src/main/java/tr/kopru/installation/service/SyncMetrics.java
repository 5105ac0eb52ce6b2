package tr.kopru.installation.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.installation.config.UttsConfig;
import tr.kopru.installation.repository.SyncRunRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long ago each configured UTTS account last synced successfully (by the database's runs, so every replica
 * reports the same), for the alert on a mirror going stale. An account never synced counts from this start.
 */
@ApplicationScoped
public class SyncMetrics {

    private final SyncRunRepository runs;
    private final Clock clock;
    private final Instant started;
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();

    public SyncMetrics(SyncRunRepository runs, UttsConfig config, Clock clock, MeterRegistry registry) {
        this.runs = runs;
        this.clock = clock;
        this.started = clock.instant();
        for (String account : config.accounts().keySet()) {
            Gauge.builder("kopru.installations.sync.last.success.age", this, metrics -> metrics.age(account))
                    .tag("account", account)
                    .description("Time since the account's latest successful sync (since start when none)")
                    .baseUnit("seconds").register(registry);
        }
    }

    @Scheduled(every = "${kopru.installations.metrics-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return runs.lastSuccesses().invoke(lastSuccess::putAll).replaceWithVoid();
    }

    private double age(String account) {
        Instant since = lastSuccess.getOrDefault(account, started);
        return Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }
}

package tr.kopru.runtime.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Days until each active API key expires, by the key's id (never its owner's name nor the key), so that an alert
 * says which key to renew before its holder's calls start failing.
 */
@Startup
@ApplicationScoped
public class ApiKeyMetrics {

    private final ApiKeyRegistry registry;
    private final Clock clock;
    private final MultiGauge expiry;

    public ApiKeyMetrics(ApiKeyRegistry registry, Clock clock, MeterRegistry metrics) {
        this.registry = registry;
        this.clock = clock;
        this.expiry = MultiGauge.builder("kopru.api.key.expiry")
                .description("Days until the active API key expires (negative: expired)").baseUnit("days")
                .register(metrics);
        refresh();
    }

    @Scheduled(every = "${kopru.api-keys.metrics-every:1m}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        Instant now = clock.instant();
        expiry.register(registry.all().stream().filter(ApiKey::active)
                .<MultiGauge.Row<?>>map(key -> MultiGauge.Row.of(Tags.of("key", key.id()),
                        Duration.between(now, key.validUntil()).toSeconds() / 86_400.0))
                .toList(), true);
    }
}

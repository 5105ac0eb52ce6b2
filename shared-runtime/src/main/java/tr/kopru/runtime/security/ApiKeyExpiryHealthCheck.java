package tr.kopru.runtime.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Names in readiness details the active keys that expire soon, so that operators renew them in time. */
@Readiness
@ApplicationScoped
public class ApiKeyExpiryHealthCheck implements HealthCheck {

    private final ApiKeyRegistry registry;
    private final Clock clock;
    private final Duration warning;

    public ApiKeyExpiryHealthCheck(ApiKeyRegistry registry, Clock clock,
                                   @ConfigProperty(name = "kopru.api-keys.expiry-warning") Duration warning) {
        this.registry = registry;
        this.clock = clock;
        this.warning = warning;
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("API keys").up()
                .withData("keys", registry.all().size());
        registry.all().stream()
                .filter(key -> key.active() && key.validUntil().isAfter(now)
                        && key.validUntil().isBefore(now.plus(warning)))
                .forEach(key -> response.withData("expires_soon." + key.id(), key.validUntil().toString()));
        return response.build();
    }
}

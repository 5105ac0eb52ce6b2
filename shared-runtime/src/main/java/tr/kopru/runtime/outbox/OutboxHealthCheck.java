package tr.kopru.runtime.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox backlog in readiness details. It stays UP while Kafka is away: the service can still take
 * requests, and their events wait safely in the outbox until the broker is back.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxStatistics statistics;

    public OutboxHealthCheck(OutboxStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay").up()
                .withData("pending", statistics.pending())
                .withData("oldest_pending_age_seconds", statistics.oldestPendingAge().toSeconds());
        if (statistics.lastError() != null) {
            response.withData("last_error", statistics.lastError());
        }
        return response.build();
    }
}

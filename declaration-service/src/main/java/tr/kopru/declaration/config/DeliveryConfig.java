package tr.kopru.declaration.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the delivery worker sends stored updates to the customs API. */
@ConfigMapping(prefix = "kopru.declaration.delivery")
public interface DeliveryConfig {

    /** How often the worker looks for updates due to be sent ("off" to disable). */
    @WithDefault("1s")
    String every();

    /** How many due updates one round takes. */
    @WithDefault("20")
    int batchSize();

    /**
     * How many tries an update gets when the upstream fails or does not answer, before it is FAILED; with the default
     * pauses, 30 tries cover about two hours of outage.
     */
    @WithDefault("30")
    int maxAttempts();

    /** The pause after the first failed try; it doubles with each further one, up to {@link #maxBackoff()}. */
    @WithDefault("2s")
    Duration backoff();

    /** The longest pause between two tries. */
    @WithDefault("5m")
    Duration maxBackoff();

    /**
     * How long a replica holds an update it took, so another replica does not send it at the same time. Renewed
     * right before each send; it must be at least twice the longest a call to customs may take (its connect and read
     * timeouts), so that it cannot run out under a running delivery: a shorter one is refused at start.
     */
    @WithDefault("2m")
    Duration lease();

    /**
     * How long after a try that went unanswered (a timeout, a dropped connection) no later update of the same
     * declaration is sent: that PUT may still land at customs and, landing after a newer update, undo it.
     */
    @WithDefault("2m")
    Duration lateLandingWindow();
}

package tr.kopru.installation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.Map;

/** The UTTS accounts this deployment mirrors and how it reads them. The base URL is quarkus.rest-client.utts.url. */
@ConfigMapping(prefix = "kopru.utts")
public interface UttsConfig {

    /** Records per page read; UTTS allows at most 1000, so more is refused at start. */
    @WithDefault("1000")
    @Min(1)
    @Max(value = 1000, message = "must be at most 1000, the most UTTS serves in a page")
    int pageSize();

    /**
     * Pages read ahead of the one being written (each holds one page in memory). Measured on 2 cores: 2 ahead was no
     * faster than 1 (the machine's CPU is the limit), so 1.
     */
    @WithDefault("1")
    int pagesAhead();

    /**
     * Pages written at the same time, each in its own transaction (and connection); pages sharing an installation
     * are still written one after the other.
     */
    @WithDefault("2")
    int pagesWrittenAtOnce();

    /**
     * The most passes over the listing a sync makes when it keeps shifting while being paged; a run still seeing
     * shifts in its last pass fails, saying so, since it cannot tell that it saw every record.
     */
    @WithDefault("3")
    @Min(1)
    int maxPasses();

    /** How long before its expiry a cached access token is renewed. */
    @WithDefault("60s")
    Duration tokenRenewalMargin();

    /** The longest a 429's Retry-After is honoured before the read counts as failed. */
    @WithDefault("60s")
    Duration maxRetryAfter();

    /**
     * How long an account's circuit breaker stays open once its reads keep failing (8 of 10); each account has its
     * own, so one account's failures never stop another's syncs.
     */
    @WithDefault("30s")
    Duration breakerDelay();

    /** The UTTS accounts, one per service company, by a name of our choosing (used in runs and events). */
    Map<String, Account> accounts();

    /** One UTTS login. */
    interface Account {

        /** The e-mail the service company registered on the UTTS portal. */
        String email();

        /** Its password; from a Secret (KOPRU_UTTS_ACCOUNTS_<NAME>_PASSWORD), never from the repository. */
        String password();

        /** How often it is synced (e.g. 5m; the upstream lags about 5 minutes), or "off" for on demand only. */
        @WithDefault("5m")
        String every();
    }
}

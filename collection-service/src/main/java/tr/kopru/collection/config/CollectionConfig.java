package tr.kopru.collection.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How collections with an open outcome are resolved. */
@ConfigMapping(prefix = "kopru.collection")
public interface CollectionConfig {

    Resolver resolver();

    Scan scan();

    Merges merges();

    Sweep sweep();

    /** How far before today a collection's paid_on (sent as tahsilTarihi, which lowers the surcharge) may lie. */
    @WithDefault("P5D")
    Duration maxBackdate();

    interface Sweep {

        /**
         * When the day-end sweep settles the past days' open outcomes from FlexCity's receipts (a Quarkus cron, in
         * Europe/Istanbul; "off" to disable).
         */
        @WithDefault("0 20 0 * * ?")
        String cron();
    }

    interface Scan {

        /** How often due standing instructions are scanned (a Quarkus scheduler interval; "off" to disable). */
        @WithDefault("1h")
        String every();

        /** Declarations asked about in one FindAllBorcSorgu call. */
        @WithDefault("500")
        int batchSize();

        /** Batches in flight at once. */
        @WithDefault("2")
        int concurrency();

        /**
         * Auto-pay attempts sent per invoice at most: an invoice still open at FlexCity and not held by a collection
         * is paid again by the next scans, each time as a new attempt, until this many were sent.
         */
        @WithDefault("3")
        int maxAttempts();
    }

    interface Merges {

        /** How often FlexCity's taxpayer merges are applied to instructions and found debts ("off" to disable). */
        @WithDefault("24h")
        String every();

        /** How far back each run asks for merges (a merge already applied is skipped). */
        @WithDefault("P7D")
        Duration lookBack();
    }

    interface Resolver {

        /** How often the resolver looks for collections to ask FlexCity about (a Quarkus scheduler interval). */
        @WithDefault("10s")
        String every();

        /** How long after a lost answer the first question is asked (give FlexCity time to finish the booking). */
        @WithDefault("5s")
        Duration firstDelay();

        /** The pause after a question that did not settle it; it doubles with every further one, up to maxBackoff. */
        @WithDefault("10s")
        Duration backoff();

        /** The longest pause between two questions. */
        @WithDefault("5m")
        Duration maxBackoff();

        /** Unanswered questions asked before a collection is left open for an operator. */
        @WithDefault("8")
        int maxAttempts();

        /**
         * How long after the collect was sent FlexCity must keep answering "not found" before it proves the
         * collection was not booked (together with the day's receipts, which must not list it).
         */
        @WithDefault("15m")
        Duration settleWindow();

        /** "Not found" answers needed, at the least, within the settle window. */
        @WithDefault("3")
        int notFoundAnswers();

        /** Collections resolved per round. */
        @WithDefault("20")
        int batchSize();

        /** How long a replica holds the collections it took, so another replica's resolver leaves them alone. */
        @WithDefault("60s")
        Duration lease();

        /** A PENDING collection older than this lost its process mid-call and is resolved like an UNKNOWN one. */
        @WithDefault("2m")
        Duration stalePending();
    }
}

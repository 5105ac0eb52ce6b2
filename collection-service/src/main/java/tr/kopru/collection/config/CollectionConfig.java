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

        /** The pause after an unanswered question; it doubles with every further try. */
        @WithDefault("10s")
        Duration backoff();

        /** Questions asked before a collection is left UNKNOWN for an operator. */
        @WithDefault("8")
        int maxAttempts();

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

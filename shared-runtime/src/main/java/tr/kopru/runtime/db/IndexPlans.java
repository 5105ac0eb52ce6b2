package tr.kopru.runtime.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Keeps a transaction's statements on the indexes whatever the table statistics say. For tables that grow or churn
 * by thousands of rows a second (a first sync, the outbox): their statistics lag by up to a minute of autovacuum, and
 * a plan made from them, cached with the prepared statement, reads the whole table for every lookup of a batch.
 */
public final class IndexPlans {

    /** The expression that does it, for a transaction's first statement to select alongside its own work. */
    public static final String FOR_THIS_TRANSACTION = "set_config('enable_seqscan', 'off', true)";

    private IndexPlans() {
    }

    /** Applies to the rest of {@code transaction} (and ends with it); one round trip. */
    public static Uni<Void> use(SqlClient transaction) {
        return transaction.query("SELECT " + FOR_THIS_TRANSACTION).execute().replaceWithVoid();
    }
}

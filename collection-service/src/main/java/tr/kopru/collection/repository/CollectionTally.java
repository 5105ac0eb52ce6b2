package tr.kopru.collection.repository;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.runtime.db.Tally;

import java.util.List;

/** Collections counted by institution, state and day, kept by the database (V4 migration), folded every minute. */
@ApplicationScoped
public class CollectionTally {

    private static final Tally TALLY = new Tally("collection_tally", List.of("institution", "state",
            "collection_date"), "collections");

    private final Pool pool;

    public CollectionTally(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(every = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> foldNow() {
        return fold().replaceWithVoid();
    }

    /** Folds the tally; answers how many rows it holds afterwards. */
    public Uni<Long> fold() {
        return TALLY.fold(pool);
    }
}

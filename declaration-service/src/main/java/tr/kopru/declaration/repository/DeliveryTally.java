package tr.kopru.declaration.repository;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.runtime.db.Tally;

import java.util.List;

/** Deliveries counted by status, kept by the database (V3 migration), folded every minute. */
@ApplicationScoped
public class DeliveryTally {

    private static final Tally TALLY = new Tally("delivery_tally", List.of("status"), "deliveries");

    private final Pool pool;

    public DeliveryTally(Pool pool) {
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

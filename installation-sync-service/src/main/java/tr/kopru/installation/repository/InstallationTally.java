package tr.kopru.installation.repository;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.runtime.db.Tally;

import java.util.List;

/** The mirror's counts by status and service company, kept by the database (V4 migration), folded every minute. */
@ApplicationScoped
public class InstallationTally {

    private static final Tally TALLY = new Tally("installation_tally", List.of("status", "service_company"),
            "installations");

    private final Pool pool;

    public InstallationTally(Pool pool) {
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

package tr.kopru.runtime.db;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Folds every {@link Tally} the service declares (a CDI producer of its repository) once a minute. */
@ApplicationScoped
public class TallyFolding {

    private final Instance<Tally> tallies;
    private final Pool pool;

    public TallyFolding(Instance<Tally> tallies, Pool pool) {
        this.tallies = tallies;
        this.pool = pool;
    }

    @Scheduled(every = "${kopru.tally.fold-every:1m}", skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> foldAll() {
        return Multi.createFrom().iterable(tallies).onItem().transformToUniAndConcatenate(tally -> tally.fold(pool))
                .collect().last().replaceWithVoid();
    }
}

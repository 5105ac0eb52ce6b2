package tr.kopru.runtime.lock;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Turns of a scheduled job across the replicas of a service: each replica's timer fires on its own, but a turn is
 * taken only when nobody took one in the last {@link #SHARE} of the interval (by the database's clock, so replicas'
 * clocks do not matter). So the job runs once per interval, whichever replica fires first; when that replica dies,
 * the next turn falls to another. A lock ({@link DatabaseLocks}) keeps two runs from overlapping; a turn keeps a
 * second replica from running the job again right after the first.
 */
@ApplicationScoped
public class ScheduledTurns {

    /** A turn may be taken once this share of the interval has passed, so a timer firing a little early counts. */
    static final double SHARE = 0.9;
    private static final Logger LOG = Logger.getLogger(ScheduledTurns.class);

    private final Pool pool;

    public ScheduledTurns(Pool pool) {
        this.pool = pool;
    }

    /** Takes the turn of {@code job} if it is due; answers whether this replica has it. */
    public Uni<Boolean> take(String job, Duration interval) {
        double seconds = interval.toMillis() * SHARE / 1000.0;
        return pool.preparedQuery("""
                        INSERT INTO scheduled_turn (job, taken_at) VALUES ($1, now())
                        ON CONFLICT (job) DO UPDATE SET taken_at = now()
                        WHERE scheduled_turn.taken_at <= now() - make_interval(secs => $2)
                        RETURNING job""")
                .execute(Tuple.of(job, seconds))
                .map(rows -> rows.size() == 1);
    }

    /** Runs {@code work} if this replica takes the turn of {@code job}; otherwise does nothing. */
    public Uni<Void> inTurn(String job, Duration interval, Supplier<Uni<?>> work) {
        return take(job, interval).chain(taken -> {
            if (!taken) {
                LOG.debugf("Scheduled %s: another replica took this turn", job);
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom().deferred(work).replaceWithVoid();
        });
    }
}

package tr.kopru.runtime.lock;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Named locks held in PostgreSQL (session advisory locks), so that a job runs once across all replicas of a
 * service: the lock lives on one connection for as long as the work runs, and goes with it if the process dies.
 */
@ApplicationScoped
public class DatabaseLocks {

    private final Pool pool;

    public DatabaseLocks(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code work} holding the lock {@code name}; fails with {@code busy}'s exception, without running it, when
     * another holder has the lock.
     */
    public <T> Uni<T> withLock(String name, Supplier<Uni<T>> work, Supplier<? extends RuntimeException> busy) {
        return pool.getConnection().chain(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_lock(hashtext($1)) AS locked").execute(Tuple.of(name))
                .chain(rows -> {
                    if (!rows.iterator().next().getBoolean("locked")) {
                        return Uni.createFrom().<T>failure(busy.get());
                    }
                    return Uni.createFrom().<T>deferred(work::get)
                            .eventually(() -> connection.preparedQuery("SELECT pg_advisory_unlock(hashtext($1))")
                                    .execute(Tuple.of(name)));
                })
                .eventually(connection::close));
    }
}

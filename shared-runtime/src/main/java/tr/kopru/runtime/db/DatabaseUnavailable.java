package tr.kopru.runtime.db;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.SocketException;
import java.util.Set;

/**
 * Whether a failure means the database could not be reached or dropped the connection (restarting, failing over,
 * the network between us cut: a refused or reset socket, a closed connection) rather than refusing what we asked: a
 * moment's outage the caller may retry, answered 503, not a defect answered 500. (Calls to upstreams settle their
 * own socket failures, so one that reaches a REST answer is the database's.)
 */
public final class DatabaseUnavailable {

    /**
     * SQLSTATEs of a server going away or not taking connections: admin_shutdown, crash_shutdown,
     * cannot_connect_now, too_many_connections, and the connection_exception class (08xxx).
     */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or any of its causes, is such an outage. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedConnectionException || t instanceof SocketException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (OUTAGE_STATES.contains(pg.getSqlState()) || pg.getSqlState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}

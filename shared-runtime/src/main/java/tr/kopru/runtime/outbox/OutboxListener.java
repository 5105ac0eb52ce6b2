package tr.kopru.runtime.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Listens on one database connection for the outbox's commit notifications (see the V0_5 migration) and wakes the
 * relay. A lost connection is opened again after {@code kopru.outbox.listen-retry}; meanwhile the relay's poll
 * still publishes everything, only later.
 */
@ApplicationScoped
public class OutboxListener {

    private static final Logger LOG = Logger.getLogger(OutboxListener.class);

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxRelay relay;
    private final String channel;
    private final Duration retry;
    private final boolean enabled;

    private volatile SqlConnection connection;
    private volatile boolean stopped;

    public OutboxListener(Pool pool, Vertx vertx, OutboxRelay relay,
                          @ConfigProperty(name = "kopru.db.schema") String schema,
                          @ConfigProperty(name = "kopru.outbox.listen") boolean enabled,
                          @ConfigProperty(name = "kopru.outbox.listen-retry") Duration retry) {
        this.pool = pool;
        this.vertx = vertx;
        this.relay = relay;
        this.channel = "outbox_" + schema;
        this.retry = retry;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            listen();
        } else {
            LOG.infof("Outbox relay does not listen (kopru.outbox.listen=false): events leave on its poll only");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        SqlConnection open = connection;
        if (open != null) {
            open.closeAndForget();
        }
    }

    private void listen() {
        if (stopped) {
            return;
        }
        pool.getConnection().subscribe().with(opened -> {
            PgConnection pg = PgConnection.cast(opened.getDelegate());
            pg.notificationHandler(notification -> relay.wake());
            pg.closeHandler(closed -> {
                if (connection == opened) {
                    listenAgain("its connection closed");
                }
            });
            opened.query("LISTEN \"" + channel + "\"").execute().subscribe().with(
                    listening -> {
                        connection = opened;
                        LOG.debugf("Outbox relay listens on %s", channel);
                    },
                    failure -> {
                        opened.closeAndForget();
                        listenAgain(failure.getMessage());
                    });
        }, failure -> listenAgain(failure.getMessage()));
    }

    private void listenAgain(String why) {
        connection = null;
        if (!stopped) {
            LOG.warnf("Outbox relay stopped listening on %s (%s); the poll publishes meanwhile, listening again in %d ms",
                    channel, why, retry.toMillis());
            vertx.setTimer(Math.max(1, retry.toMillis()), id -> listen());
        }
    }
}

package tr.kopru.installation.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import tr.kopru.installation.config.UttsConfig;
import tr.kopru.runtime.lock.ScheduledTurns;

/**
 * Schedules each UTTS account's sync on its own interval, once per interval across the replicas; a failing account
 * does not stop the others.
 */
@ApplicationScoped
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    void schedule(@Observes StartupEvent event, Scheduler scheduler, UttsConfig config,
                  InstallationSyncService syncs, ScheduledTurns turns) {
        config.accounts().forEach((account, settings) -> {
            if ("off".equalsIgnoreCase(settings.every())) {
                LOG.infof("UTTS account %s syncs on demand only", account);
                return;
            }
            scheduler.newJob("utts-sync-" + account)
                    .setInterval(settings.every())
                    .setDelayed("10s")
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setAsyncTask(execution -> turns.inTurn("utts-sync:" + account,
                                    DurationConverter.parseDuration(settings.every()),
                                    () -> syncs.sync(account, InstallationSyncService.SCHEDULED, run -> { }))
                            .onFailure(SyncAlreadyRunningException.class).recoverWithNull()
                            .onFailure().invoke(f -> LOG.errorf("Scheduled sync of %s failed: %s", account,
                                    f.getMessage()))
                            .onFailure().recoverWithNull()
                            .replaceWithVoid())
                    .schedule();
            LOG.infof("UTTS account %s syncs every %s", account, settings.every());
        });
    }
}

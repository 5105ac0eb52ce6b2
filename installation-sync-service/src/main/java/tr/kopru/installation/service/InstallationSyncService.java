package tr.kopru.installation.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import tr.kopru.installation.client.UttsClient;
import tr.kopru.installation.config.UttsConfig;
import tr.kopru.installation.domain.PageOutcome;
import tr.kopru.installation.domain.SyncRun;
import tr.kopru.installation.repository.SyncRunRepository;
import tr.kopru.runtime.lock.DatabaseLocks;
import tr.kopru.runtime.rest.ApiException;

import java.time.Clock;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Syncs one UTTS account: takes the account's database lock (one sync per account across all replicas), records a
 * run, reads every page and writes it, and closes the run with its outcome.
 */
@ApplicationScoped
public class InstallationSyncService {

    public static final String SCHEDULED = "SCHEDULE";
    public static final String ON_DEMAND = "API";

    private static final Logger LOG = Logger.getLogger(InstallationSyncService.class);

    private final DatabaseLocks locks;
    private final UttsClient client;
    private final PageWriter writer;
    private final SyncRunRepository runs;
    private final UttsConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    public InstallationSyncService(DatabaseLocks locks, UttsClient client, PageWriter writer, SyncRunRepository runs,
                                   UttsConfig config, MeterRegistry metrics, Clock clock) {
        this.locks = locks;
        this.client = client;
        this.writer = writer;
        this.runs = runs;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Starts a sync and answers its run as soon as it is recorded; the pages are read in the background. */
    public Uni<SyncRun> start(String account, String trigger) {
        return Uni.createFrom().emitter(started -> sync(account, trigger, started::complete)
                .subscribe().with(run -> { }, failure -> started.fail(failure)));
    }

    /** Runs a whole sync; {@code onStarted} hears of the run once it is recorded. */
    public Uni<SyncRun> sync(String account, String trigger, Consumer<SyncRun> onStarted) {
        if (!config.accounts().containsKey(account)) {
            return Uni.createFrom().failure(ApiException.notFound("No UTTS account named " + account));
        }
        return locks.withLock("utts-sync:" + account, () -> runLocked(account, trigger, onStarted),
                () -> new SyncAlreadyRunningException(account));
    }

    private Uni<SyncRun> runLocked(String account, String trigger, Consumer<SyncRun> onStarted) {
        return runs.failAbandoned(account, clock.instant())
                .chain(() -> runs.start(account, trigger, clock.instant()))
                .invoke(onStarted)
                .chain(run -> {
                    LOG.infof("Sync %d of UTTS account %s started (%s)", run.id(), account, trigger);
                    return pages(run, account)
                            .chain(() -> runs.finish(run.id(), SyncRun.SUCCEEDED, null, clock.instant()))
                            .onFailure().recoverWithUni(failure -> {
                                LOG.errorf("Sync %d of UTTS account %s failed: %s", run.id(), account,
                                        failure.getMessage());
                                return runs.finish(run.id(), SyncRun.FAILED, String.valueOf(failure.getMessage()),
                                        clock.instant());
                            })
                            .invoke(done -> {
                                metrics.counter("kopru.installations.sync.runs", "account", account,
                                        "status", done.status()).increment();
                                LOG.infof("Sync %d of UTTS account %s %s: %d pages in %d passes, %d records, %d new, "
                                                + "%d changed, %d unchanged, %d rejected", done.id(), account,
                                        done.status(), done.pages(), done.passes(), done.recordsSeen(),
                                        done.newRecords(), done.changed(), done.unchanged(), done.rejected());
                            });
                });
    }

    /**
     * Reads and writes every page of the listing, then, while the listing shifted during the pass, the pages it may
     * have moved records onto (see {@link ListingPasses}), up to {@code kopru.utts.max-passes} passes in all.
     */
    private Uni<Void> pages(SyncRun run, String account) {
        RunSightings sightings = new RunSightings();
        ListingPasses passes = new ListingPasses();
        return pass(run, account, sightings, passes, Integer.MAX_VALUE)
                .chain(() -> nextPasses(run, account, sightings, passes));
    }

    private Uni<Void> nextPasses(SyncRun run, String account, RunSightings sightings, ListingPasses passes) {
        OptionalInt stale = passes.stalePages();
        if (stale.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (passes.pass() >= config.maxPasses()) {
            return Uni.createFrom().failure(new IllegalStateException(String.format(
                    "the UTTS listing kept shifting while it was paged (%d passes; it now holds %d records): "
                            + "records inserted or removed meanwhile may be missing until the next sync",
                    passes.pass(), passes.totalCount())));
        }
        int pass = passes.startNextPass();
        LOG.infof("Sync %d of UTTS account %s: the listing shifted while it was paged (it now holds %d records); "
                + "pass %d reads pages 1 to %d again", run.id(), account, passes.totalCount(), pass, stale.getAsInt());
        return runs.startPass(run.id(), pass)
                .chain(() -> pass(run, account, sightings, passes, stale.getAsInt()))
                .chain(() -> nextPasses(run, account, sightings, passes));
    }

    /**
     * Reads and writes pages 1 to {@code lastPage} (or the listing's last), reading the next page while writing
     * others. A stream rather than a recursion, so that a written page is garbage at once: memory stays flat however
     * many pages there are.
     */
    private Uni<Void> pass(SyncRun run, String account, RunSightings sightings, ListingPasses passes, int lastPage) {
        // Records are parsed and fingerprinted on a worker: the event loop stays free for the database and UTTS.
        PageFeed feed = new PageFeed(number -> client.page(account, number, config.pageSize())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(page -> writer.read(account, page)), config.pagesAhead(), lastPage);
        // While pages come all new (a first sync), the next one is inserted before anything is looked up.
        AtomicBoolean allNew = new AtomicBoolean();
        PageWrites writes = new PageWrites(page -> writer.write(run.id(), account, page, allNew.get()));
        return Multi.createBy().repeating().uni(feed::next)
                .whilst(page -> !feed.ends(page))
                .map(sightings::mark)
                .invoke(passes::read)
                .onItem().transformToUni(writes::write)
                .merge(config.pagesWrittenAtOnce())
                .invoke(outcome -> allNew.set(outcome.allNew()))
                .invoke(outcome -> count(account, outcome))
                .collect().last()
                .replaceWithVoid();
    }

    private void count(String account, PageOutcome outcome) {
        metrics.counter("kopru.installations.sync.records", "account", account, "outcome", "new")
                .increment(outcome.newRecords());
        metrics.counter("kopru.installations.sync.records", "account", account, "outcome", "changed")
                .increment(outcome.changed());
        metrics.counter("kopru.installations.sync.records", "account", account, "outcome", "unchanged")
                .increment(outcome.unchanged());
        metrics.counter("kopru.installations.sync.records", "account", account, "outcome", "rejected")
                .increment(outcome.rejected());
    }
}

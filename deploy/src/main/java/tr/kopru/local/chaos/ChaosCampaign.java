package tr.kopru.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tr.kopru.infra.PostgresServer;
import tr.kopru.local.LocalService;
import tr.kopru.local.LocalSettings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./kopru chaos [--minutes N] [--seed S] [--faults KINDS]}: starts the platform with two instances of every
 * service, drives the {@link Workload} while the {@link FaultPlan} runs, stops the faults, lets resolvers, sweeps,
 * relays and consumers settle, reconciles each desk's day, and has the {@link Checker} judge the result. Exit code
 * 0 when no money was lost, duplicated or wrongly settled, no event is missing and every ledger matches; 1
 * otherwise; 2 for a bad argument.
 */
public final class ChaosCampaign {

    static final String SIMULATOR = "http://127.0.0.1:" + LocalSettings.SIMULATOR_PORT;
    private static final Duration SETTLE = Duration.ofMinutes(4);
    /** Shorter timers than production, so that what a fault leaves open settles within the campaign. */
    static final Map<String, String> SERVICE_SETTINGS = Map.ofEntries(
            Map.entry("KOPRU_COLLECTION_RESOLVER_EVERY", "2s"),
            Map.entry("KOPRU_COLLECTION_RESOLVER_FIRST_DELAY", "2s"),
            Map.entry("KOPRU_COLLECTION_RESOLVER_BACKOFF", "2s"),
            Map.entry("KOPRU_COLLECTION_RESOLVER_MAX_BACKOFF", "10s"),
            Map.entry("KOPRU_COLLECTION_RESOLVER_SETTLE_WINDOW", "40s"),
            Map.entry("KOPRU_COLLECTION_RESOLVER_LEASE", "20s"),
            Map.entry("KOPRU_COLLECTION_RESOLVER_STALE_PENDING", "20s"),
            Map.entry("KOPRU_COLLECTION_SWEEP_CRON", "off"),
            Map.entry("KOPRU_FLEXCITY_READ_TIMEOUT", "5s"),
            Map.entry("KOPRU_OUTBOX_RELAY_INTERVAL", "2s"));

    private final Duration length;
    private final FaultPlan plan;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Istanbul"));

    ChaosCampaign(Duration length, FaultPlan plan) {
        this.length = length;
        this.plan = plan;
    }

    /** Entry point from {@code ./kopru chaos}; answers the exit code. */
    public static int run(List<String> args) {
        Duration length = Duration.ofMinutes(10);
        long seed = System.currentTimeMillis() % 100_000;
        Set<FaultKind> kinds = Set.of();
        try {
            for (int i = 1; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--minutes" -> length = Duration.ofSeconds(Math.round(Double.parseDouble(args.get(++i))
                            * 60));
                    case "--seed" -> seed = Long.parseLong(args.get(++i));
                    case "--faults" -> kinds = FaultPlan.kinds(args.get(++i));
                    case "--no-build" -> { }
                    default -> throw new IllegalArgumentException("unknown argument " + args.get(i));
                }
            }
        } catch (RuntimeException e) {
            System.err.println("./kopru chaos: " + e.getMessage() + "\nusage: ./kopru chaos [--minutes N] [--seed S] "
                    + "[--faults KIND,...]  (kinds: " + List.of(FaultKind.values()) + ")");
            return 2;
        }
        FaultPlan plan = FaultPlan.draw(seed, length, kinds, 8);
        return new ChaosCampaign(length, plan).run();
    }

    int run() {
        System.out.println("Fault campaign: " + length.toSeconds() + " s, seed " + plan.seed() + ", "
                + plan.steps().size() + " faults:");
        plan.steps().forEach(step -> System.out.println("  " + step));
        try (ChaosCluster cluster = new ChaosCluster(Path.of(".kopru"), SERVICE_SETTINGS)) {
            System.out.println("Starting Kafka, PostgreSQL, the simulator and two instances of each service ...");
            cluster.startInfrastructure();
            seedScenario();
            cluster.startServices();
            Workload workload = new Workload(cluster, plan.seed());
            workload.prepare();
            FaultRunner faults = new FaultRunner(cluster);
            Instant start = Instant.now();
            System.out.println("Running the workload and the faults for " + length.toSeconds() + " s ...");
            Thread faultThread = new Thread(() -> faults.run(plan, start), "faults");
            faultThread.start();
            Thread progress = progress(workload.log(), start);
            workload.run(start.plus(length));
            faultThread.join();
            progress.interrupt();
            settle(cluster, workload);
            Findings findings = Checker.check(new EvidenceReader("127.0.0.1:" + LocalSettings.KAFKA_PORT)
                    .read(workload.log(), faults.windows()));
            ChaosReport.print(System.out, plan, faults.injected(), workload.log(), findings);
            return findings.failed() ? 1 : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            System.err.println("The campaign could not run: " + e.getMessage());
            e.printStackTrace();
            return 1;
        }
    }

    /** Larger institutions than the standard scenario, so the workload never runs out of invoices. */
    private static void seedScenario() {
        ChaosHttp http = new ChaosHttp("", Duration.ofSeconds(30));
        ObjectNode scenario = (ObjectNode) http.get(SIMULATOR + "/admin/scenario");
        for (JsonNode institution : scenario.path("institutions")) {
            ((ObjectNode) institution).put("taxpayers", 700);
        }
        if (http.post(SIMULATOR + "/admin/scenario", scenario).status() != 200) {
            throw new IllegalStateException("the simulator did not take the campaign's scenario");
        }
    }

    private static Thread progress(ClientLog log, Instant start) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Workload.sleep(Duration.ofSeconds(20));
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                System.out.println("  t+" + Duration.between(start, Instant.now()).toSeconds() + "s operations "
                        + log.outcomes() + ", retried " + log.retries());
            }
        }, "progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * After the faults: every instance is up and every proxy passes; resolvers, the delivery worker and the relays
     * get up to {@link #SETTLE} to finish; then the day-end sweep, a last sync of each UTTS account (UTTS stands
     * still now) and each desk's day reconciled.
     */
    private void settle(ChaosCluster cluster, Workload workload) {
        System.out.println("Faults over; settling (up to " + SETTLE.toSeconds() + " s) ...");
        cluster.healAllProxies();
        for (ServiceInstance instance : cluster.instances()) {
            if (!cluster.isRunning(instance)) {
                cluster.restartService(instance);
            }
        }
        Instant deadline = Instant.now().plus(SETTLE);
        Map<String, Long> open = openWork();
        while (open.values().stream().anyMatch(n -> n > 0) && Instant.now().isBefore(deadline)) {
            System.out.println("  still open: " + open);
            Workload.sleep(Duration.ofSeconds(10));
            open = openWork();
        }
        System.out.println("  open after settling: " + open);
        workload.call("sweep", LocalService.COLLECTION, "POST", "/api/v1/operations/sweeps",
                Map.of("collection_date", today.toString()), Map.of());
        for (String account : Workload.UTTS_ACCOUNTS) {
            awaitNoRunningSync(workload);
            workload.syncInstallations(account, false);
        }
        awaitNoRunningSync(workload);
        awaitQuiet();
        for (String institution : List.of(Workload.CITY, Workload.WATER)) {
            workload.call("reconcile", LocalService.RECONCILIATION, "POST", "/api/v1/reconciliation-runs",
                    Map.of("institution", institution, "day", today.toString()), Map.of())
                    .ifPresent(a -> System.out.println("  reconciled " + institution + " " + today + ": "
                            + a.status() + " " + a.data().path("result").asText()));
        }
    }

    private static void awaitNoRunningSync(Workload workload) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline) && count("SELECT count(*) FROM installation_sync.sync_run "
                + "WHERE status = 'RUNNING'") > 0) {
            Workload.sleep(Duration.ofSeconds(2));
        }
    }

    /** Waits until no outbox holds an event and the consumers have caught up (the ledger stops changing). */
    private static void awaitQuiet() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        long ledger = -1;
        while (Instant.now().isBefore(deadline)) {
            long outboxes = openWork().get("outbox events");
            long now = count("SELECT count(*) + coalesce(sum(CASE WHEN cancelled THEN 1 ELSE 0 END), 0) "
                    + "FROM reconciliation.ledger_entry");
            if (outboxes == 0 && now == ledger) {
                return;
            }
            ledger = now;
            Workload.sleep(Duration.ofSeconds(5));
        }
    }

    /** What is still to settle: open collections, pending deliveries, events in outboxes. */
    private static Map<String, Long> openWork() {
        Map<String, Long> open = new LinkedHashMap<>();
        open.put("open collections", count("SELECT count(*) FROM collection.collection WHERE state IN "
                + "('PENDING', 'UNKNOWN', 'CANCELLING', 'CANCEL_UNKNOWN')"));
        open.put("pending deliveries", count("SELECT count(*) FROM declaration.delivery WHERE status = 'PENDING'"));
        open.put("outbox events", count("SELECT (SELECT count(*) FROM installation_sync.outbox_event) "
                + "+ (SELECT count(*) FROM collection.outbox_event) + (SELECT count(*) FROM "
                + "reconciliation.outbox_event) + (SELECT count(*) FROM declaration.outbox_event)"));
        return open;
    }

    private static long count(String sql) {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + LocalSettings.POSTGRES_PORT
                + "/" + PostgresServer.DATABASE, "postgres", "");
             var statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}

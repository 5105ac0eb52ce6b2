package tr.kopru.local.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import tr.kopru.model.json.ContractJson;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Carries out a {@link FaultPlan} on the cluster and the simulator, one step after the other at its time: injects
 * the fault, holds it, heals it. A killed service instance is started again in the background after its hold, so
 * the schedule goes on meanwhile. Remembers when each fault was in force, for telling a 503 during a fault from a
 * defect.
 */
public final class FaultRunner {

    /** When a fault was in force (until its instance was back, for a kill). */
    public record Window(FaultKind kind, Instant from, Instant until) {
    }

    private final ChaosCluster cluster;
    private final ChaosHttp simulator = new ChaosHttp("", Duration.ofSeconds(10));
    private final ConcurrentLinkedQueue<Window> windows = new ConcurrentLinkedQueue<>();
    private final Map<FaultKind, Integer> injected = new TreeMap<>();
    private final ExecutorService restarts = Executors.newSingleThreadExecutor();

    public FaultRunner(ChaosCluster cluster) {
        this.cluster = cluster;
    }

    /** Runs every step of {@code plan}, each at its time from {@code start}; answers once the last is healed. */
    public void run(FaultPlan plan, Instant start) {
        for (FaultPlan.Step step : plan.steps()) {
            Duration wait = Duration.between(Instant.now(), start.plus(step.at()));
            if (!wait.isNegative()) {
                Workload.sleep(wait);
            }
            Instant from = Instant.now();
            System.out.println("  fault " + step);
            try {
                apply(step, from);
                synchronized (injected) {
                    injected.merge(step.kind(), 1, Integer::sum);
                }
            } catch (RuntimeException e) {
                System.out.println("  fault " + step.kind() + " could not be carried out: " + e.getMessage());
            }
        }
        restarts.shutdown();
        try {
            restarts.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Map<FaultKind, Integer> injected() {
        synchronized (injected) {
            return new TreeMap<>(injected);
        }
    }

    public List<Window> windows() {
        return List.copyOf(windows);
    }

    private void apply(FaultPlan.Step step, Instant from) {
        ServiceInstance instance = step.instance() < 0 ? null : cluster.instances().get(step.instance());
        switch (step.kind()) {
            case KILL_SERVICE -> killService(instance, step.hold(), from);
            case KILL_KAFKA -> held(step, from, cluster::killKafka, cluster::restartKafka);
            case KILL_POSTGRES -> held(step, from, cluster::killPostgres, cluster::restartPostgres);
            case PAUSE_KAFKA -> held(step, from, () -> cluster.pauseKafka(true), () -> cluster.pauseKafka(false));
            case PAUSE_POSTGRES -> held(step, from, () -> cluster.pausePostgres(true),
                    () -> cluster.pausePostgres(false));
            case CUT_DATABASE -> proxied(step, from, instance, ChaosCluster.Link.DATABASE, true);
            case STALL_DATABASE -> proxied(step, from, instance, ChaosCluster.Link.DATABASE, false);
            case CUT_KAFKA -> proxied(step, from, instance, ChaosCluster.Link.KAFKA, true);
            case STALL_KAFKA -> proxied(step, from, instance, ChaosCluster.Link.KAFKA, false);
            case CUT_UPSTREAM -> proxied(step, from, instance, ChaosCluster.Link.UPSTREAM, true);
            case STALL_UPSTREAM -> proxied(step, from, instance, ChaosCluster.Link.UPSTREAM, false);
            default -> held(step, from, () -> upstreamFault(step), this::clearUpstreamFaults);
        }
    }

    private void killService(ServiceInstance instance, Duration pause, Instant from) {
        if (!cluster.isRunning(instance)) {
            System.out.println("  (" + instance.name() + " is down already)");
            return;
        }
        cluster.killService(instance);
        restarts.submit(() -> {
            Workload.sleep(pause);
            try {
                cluster.restartService(instance);
            } catch (RuntimeException e) {
                System.out.println("  " + instance.name() + " did not come back: " + e.getMessage());
            }
            windows.add(new Window(FaultKind.KILL_SERVICE, from, Instant.now()));
        });
    }

    private void proxied(FaultPlan.Step step, Instant from, ServiceInstance instance, ChaosCluster.Link link,
                         boolean cut) {
        TcpProxy proxy = cluster.proxy(instance, link);
        held(step, from, cut ? proxy::cut : proxy::stall, proxy::heal);
    }

    private void held(FaultPlan.Step step, Instant from, Runnable inject, Runnable heal) {
        inject.run();
        Workload.sleep(step.hold());
        heal.run();
        windows.add(new Window(step.kind(), from, Instant.now()));
    }

    /** Sets the step's fault at the simulator, for the step's upstream method ("flexcity/TahsilKaydiIptalEt"). */
    private void upstreamFault(FaultPlan.Step step) {
        ObjectNode fault = ContractJson.mapper().createObjectNode();
        boolean customs = step.upstream().startsWith("customs/");
        switch (step.kind()) {
            case UPSTREAM_TIMEOUT -> fault.put("timeout_ms", customs ? 40_000 : 12_000).put("remaining", 2);
            case TIMEOUT_AFTER_COMMIT -> fault.put("timeout_after_commit", true).put("remaining", 2);
            case LATE_COMMIT -> fault.put("commit_after_ms", 3_000).put("remaining", 2);
            case ERROR_AFTER_COMMIT -> fault.put("error_after_commit", step.hold().toMillis() % 2 == 0 ? "0900"
                    : "http500").put("remaining", 2);
            case DROP_BEFORE_COMMIT -> fault.put("drop_before_commit", true).put("remaining", 2);
            case RATE_LIMITED -> fault.put("retry_after_seconds", 1).put("remaining", 4);
            case SERVER_ERROR -> fault.put("error", customs ? "500" : "http500").put("remaining", 3);
            case MALFORMED_ANSWER -> fault.put("malformed", true).put("remaining", 2);
            default -> throw new IllegalArgumentException(step.kind() + " is not an upstream fault");
        }
        simulator.send("PUT", ChaosCampaign.SIMULATOR + "/admin/faults/" + step.upstream(), fault, Map.of())
                .filter(a -> a.status() == 200)
                .orElseThrow(() -> new IllegalStateException("the simulator refused fault " + fault));
    }

    private void clearUpstreamFaults() {
        simulator.send("DELETE", ChaosCampaign.SIMULATOR + "/admin/faults", null, Map.of());
    }
}

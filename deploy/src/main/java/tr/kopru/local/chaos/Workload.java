package tr.kopru.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tr.kopru.local.LocalService;
import tr.kopru.model.json.ContractJson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real clients of the platform, through its public APIs only and at a steady rate: collections with an
 * Idempotency-Key, retried with the same key on timeouts, 5xx and dropped connections (on either replica, as behind
 * a load balancer); some cancelled the same day; standing instructions scanned, some paying automatically; UTTS
 * moving on and synced; declaration updates. What each client saw goes to the {@link ClientLog}.
 */
public final class Workload {

    static final String API_KEY = "kopru-local-demo-key";
    static final String CITY = "ornek-belediye";
    static final String WATER = "deneme-su";
    static final List<String> UTTS_ACCOUNTS = List.of("servis-a", "servis-b");
    static final int DECLARATIONS = 5;
    private static final Duration RETRY_FOR = Duration.ofSeconds(120);
    private static final Duration COLLECT_EVERY = Duration.ofMillis(500);
    private static final Duration OTHERS_EVERY = Duration.ofSeconds(3);

    private final ChaosCluster cluster;
    private final ChaosHttp http = new ChaosHttp(API_KEY, Duration.ofSeconds(20));
    private final ClientLog log = new ClientLog();
    private final Random random;
    private final ConcurrentLinkedQueue<JsonNode> invoices = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> collected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger declarationUpdates = new AtomicInteger();
    private final ExecutorService clients = Executors.newFixedThreadPool(6);
    private volatile boolean stopping;

    public Workload(ChaosCluster cluster, long seed) {
        this.cluster = cluster;
        this.random = new Random(seed ^ 0x5eed);
    }

    public ClientLog log() {
        return log;
    }

    /** Registers standing instructions and takes the invoices to collect, before any fault. */
    public void prepare() {
        JsonNode open = http.get(ChaosCampaign.SIMULATOR + "/admin/flexcity/" + CITY + "/invoices");
        open.forEach(invoices::add);
        JsonNode declarations = http.get(ChaosCampaign.SIMULATOR + "/admin/flexcity/" + WATER + "/declarations");
        List<Long> ids = new ArrayList<>();
        declarations.forEach(id -> ids.add(id.asLong()));
        List<Long> instructed = ids.subList(0, Math.min(120, ids.size()));
        int autoPay = instructed.size() / 4;
        register(instructed.subList(0, autoPay), true);
        register(instructed.subList(autoPay, instructed.size()), false);
    }

    private void register(List<Long> declarationIds, boolean autoCollect) {
        Optional<ChaosHttp.Answer> answer = call("register instructions", LocalService.COLLECTION, "POST",
                "/api/v1/standing-instructions/bulk", Map.of("institution", WATER, "declaration_ids", declarationIds,
                        "auto_collect", autoCollect), Map.of());
        if (answer.isEmpty() || answer.get().status() != 200) {
            throw new IllegalStateException("standing instructions were not registered: " + answer);
        }
    }

    /** Drives the platform until {@code until}; answers when every client has finished its last operation. */
    public void run(Instant until) {
        Thread others = new Thread(() -> {
            long round = 0;
            while (Instant.now().isBefore(until)) {
                long turn = round++;
                clients.submit(() -> other(turn));
                sleep(OTHERS_EVERY);
            }
        }, "workload-others");
        others.start();
        while (Instant.now().isBefore(until) && !invoices.isEmpty()) {
            JsonNode invoice = invoices.poll();
            clients.submit(() -> collect(invoice));
            sleep(COLLECT_EVERY);
        }
        join(others);
        stopping = true;
        clients.shutdown();
        try {
            if (!clients.awaitTermination(RETRY_FOR.toSeconds() + 60, TimeUnit.SECONDS)) {
                clients.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many declaration updates the workload had accepted (202). */
    public int declarationUpdates() {
        return declarationUpdates.get();
    }

    private void collect(JsonNode invoice) {
        ObjectNode body = ContractJson.mapper().createObjectNode().put("institution", CITY)
                .put("invoice_number", invoice.path("invoice_number").asText())
                .put("declaration_id", invoice.path("declaration_id").asLong());
        body.set("amount", invoice.path("total"));
        String key = UUID.randomUUID().toString();
        Optional<ChaosHttp.Answer> answer = call("collect", LocalService.COLLECTION, "POST", "/api/v1/collections",
                body, Map.of("Idempotency-Key", key));
        answer.ifPresent(a -> {
            String state = a.data().path("state").asText("");
            log.outcome("collect", a.status() + (state.isEmpty() ? "" : " " + state));
            if (a.status() == 201 && !stopping && random.nextInt(10) == 0) {
                collected.add(a.data().path("id").asText());
            }
        });
    }

    private void other(long turn) {
        if (turn % 4 == 1) {
            String id = collected.poll();
            if (id != null) {
                call("cancel", LocalService.COLLECTION, "POST", "/api/v1/collections/" + id + "/cancel", "{}",
                        Map.of()).ifPresent(a -> log.outcome("cancel", a.status() + " "
                        + a.data().path("state").asText(a.body().path("title").asText(""))));
                return;
            }
        }
        switch ((int) (turn % 10)) {
            case 0, 5 -> updateDeclaration();
            case 2 -> call("scan", LocalService.COLLECTION, "POST", "/api/v1/scan-runs", Map.of("all", true),
                    Map.of()).ifPresent(a -> log.outcome("scan", Integer.toString(a.status())));
            case 7 -> syncInstallations(UTTS_ACCOUNTS.get((int) (turn / 10 % 2)), true);
            default -> updateDeclaration();
        }
    }

    /** UTTS moves on a generation (when {@code advance}), then the account is synced. */
    void syncInstallations(String account, boolean advance) {
        if (advance) {
            http.post(ChaosCampaign.SIMULATOR + "/admin/utts/advance", Map.of("generations", 1));
        }
        call("sync", LocalService.INSTALLATION_SYNC, "POST", "/api/v1/sync-runs", Map.of("utts_account", account),
                Map.of()).ifPresent(a -> log.outcome("sync", Integer.toString(a.status())));
    }

    private void updateDeclaration() {
        int n = declarationUpdates.incrementAndGet();
        String declaration = "DEC-%04d".formatted(1 + random.nextInt(DECLARATIONS));
        String body = "{\"shipment_reference_number\": \"CHAOS-" + n + "\", \"operation_type\": \"EX\"}";
        call("declaration update", LocalService.DECLARATION, "POST", "/api/v1/declarations/" + declaration
                + "/updates", body, Map.of()).ifPresent(a -> log.outcome("declaration update",
                Integer.toString(a.status())));
    }

    /**
     * Sends a request to a random replica of {@code service} until it gets an answer other than 5xx or 429, trying
     * again (on either replica, with the same headers) for up to {@link #RETRY_FOR}; empty, and logged as
     * unanswered, when it never gets one.
     */
    Optional<ChaosHttp.Answer> call(String operation, LocalService service, String method, String path, Object body,
                                    Map<String, String> headers) {
        List<ServiceInstance> replicas = cluster.replicasOf(service);
        Instant deadline = Instant.now().plus(RETRY_FOR);
        String last = "no try";
        long backoff = 250;
        while (Instant.now().isBefore(deadline)) {
            ServiceInstance replica = replicas.get(random.nextInt(replicas.size()));
            Optional<ChaosHttp.Answer> answer = http.send(method, replica.baseUrl() + path, body, headers);
            if (answer.isPresent() && !answer.get().serverError() && answer.get().status() != 429) {
                return answer;
            }
            if (answer.isPresent() && answer.get().serverError()) {
                log.serverError(operation, answer.get().status(), answer.get().body().toString());
            }
            last = answer.map(a -> "HTTP " + a.status()).orElse("no answer from " + replica.name());
            log.retried();
            sleep(Duration.ofMillis(backoff));
            backoff = Math.min(4_000, backoff * 2);
        }
        log.unanswered(operation, method + " " + path + ": " + last);
        return Optional.empty();
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package tr.kopru.local.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The read-API benchmark's two halves (bench/read-api.sh):
 * <ul>
 *   <li>{@code seed JDBC_URL DIR}: fills each service's schema at scale from {@code DIR/<schema>.sql}, once (a
 *   schema that already holds the bench's rows is left as it is), then analyses it;</li>
 *   <li>{@code measure KEY REQUESTS CONCURRENCY ENDPOINTS_FILE}: for each {@code name|url} line, a warm-up, then
 *   REQUESTS calls from CONCURRENCY clients; prints p50, p99 and the slowest, and counts answers other than 200.</li>
 * </ul>
 */
public final class ReadApiBench {

    private static final int WARM_UP = 30;
    /** An endpoint is timed for at most this long: a slow one reports the calls made by then. */
    private static final long MAX_NANOS = Duration.ofSeconds(20).toNanos();

    /** The table and condition that tell a schema already holds the bench's rows. */
    private record Seed(String schema, String seeded) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("installation_sync", "SELECT count(*) FROM installation WHERE installation_id > 900000000"),
            new Seed("collection", "SELECT count(*) FROM collection WHERE requested_by = 'bench'"),
            new Seed("reconciliation", "SELECT count(*) FROM ledger_entry WHERE institution = 'bench-belediye'"),
            new Seed("declaration", "SELECT count(*) FROM declaration_update WHERE requested_by = 'bench'"));

    private ReadApiBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "seed" -> seed(args[1], Path.of(args[2]));
            case "measure" -> measure(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            default -> throw new IllegalArgumentException("usage: seed JDBC_URL DIR | measure KEY N C FILE");
        }
    }

    private static void seed(String jdbcUrl, Path dir) throws SQLException, IOException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            db.setAutoCommit(true);
            for (Seed seed : SEEDS) {
                try (Statement sql = db.createStatement()) {
                    sql.execute("SET search_path TO " + seed.schema());
                    try (ResultSet rows = sql.executeQuery(seed.seeded())) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            System.out.printf("  %s: already seeded (%,d rows)%n", seed.schema(), rows.getLong(1));
                            continue;
                        }
                    }
                    long started = System.nanoTime();
                    for (String statement : Files.readString(dir.resolve(seed.schema() + ".sql")).split(";\\s*\\n")) {
                        if (!statement.isBlank()) {
                            sql.execute(statement);
                        }
                    }
                    sql.execute("VACUUM ANALYZE");
                    System.out.printf("  %s: seeded in %.0f s%n", seed.schema(),
                            (System.nanoTime() - started) / 1e9);
                }
            }
        }
    }

    private static void measure(String key, int requests, int concurrency, Path endpoints) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        System.out.printf("  %-44s %8s %8s %8s %6s %s%n", "endpoint", "p50 ms", "p99 ms", "max ms", "calls",
                "non-200");
        try {
            for (String line : Files.readAllLines(endpoints)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 2);
                HttpRequest request = HttpRequest.newBuilder(URI.create(parts[1])).header("X-API-Key", key)
                        .timeout(Duration.ofSeconds(30)).GET().build();
                long warmUpEnds = System.nanoTime() + MAX_NANOS / 4;
                for (int i = 0; i < WARM_UP && System.nanoTime() < warmUpEnds; i++) {
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                }
                long ends = System.nanoTime() + MAX_NANOS;
                List<Future<long[]>> results = new ArrayList<>();
                for (int c = 0; c < concurrency; c++) {
                    int share = requests / concurrency;
                    results.add(clients.submit(() -> timed(http, request, share, ends)));
                }
                List<Long> nanos = new ArrayList<>();
                long failures = 0;
                for (Future<long[]> result : results) {
                    long[] timings = result.get();
                    for (long t : timings) {
                        if (t < 0) {
                            failures++;
                        }
                        nanos.add(Math.abs(t));
                    }
                }
                long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("  %-44s %8.1f %8.1f %8.1f %6d %d%n", parts[0], percentile(sorted, 0.50),
                        percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length, failures);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Each call's time in nanoseconds, negative for an answer other than 200; none starts after {@code ends}. */
    private static long[] timed(HttpClient http, HttpRequest request, int count, long ends) throws Exception {
        long[] timings = new long[count];
        int made = 0;
        while (made < count && (made == 0 || System.nanoTime() < ends)) {
            long started = System.nanoTime();
            int status = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
            long took = System.nanoTime() - started;
            timings[made++] = status == 200 ? took : -took;
        }
        return Arrays.copyOf(timings, made);
    }

    private static double percentile(long[] sorted, double share) {
        int index = (int) Math.ceil(share * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}

package tr.kopru.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, for real: {@code ./kopru up} (without its build step; the reactor has just built every
 * service) starts Kafka, PostgreSQL and the four services healthy; a second {@code up} says it is running;
 * {@code ./kopru down} stops everything and frees the ports. The services export their traces, as in Kubernetes,
 * to a collector in the test: a collection's request and the ledger entry it causes are one trace.
 */
class LocalRunIT {

    private static final Path REPO = KopruCommand.REPO;
    private static final Path MONITORING = REPO.resolve("deploy/k8s/base/monitoring");
    private static final Pattern METRIC = Pattern.compile("\\b(?:kopru|http_server|kafka_consumer)_[a-z0-9_]+\\b");

    private static final OtlpReceiver TRACES = startReceiver();

    @Test
    void upStartsEverythingHealthyAndDownStopsIt() throws Exception {
        KopruCommand.Result up = KopruCommand.run(Duration.ofMinutes(5), Map.of(
                "QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", TRACES.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"), "up", "--detach", "--no-build");
        assertThat(up.exitCode()).as(up.output()).isZero();
        for (LocalService service : LocalService.values()) {
            assertThat(up.output()).contains("Starting " + service.module() + " on port " + service.port() + " ... ready");
            HttpResponse<String> health = get(service.baseUrl() + "/q/health/ready");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\": \"UP\"", "Kafka connection health check",
                    "Reactive PostgreSQL connections health check");
            assertThat(get(service.baseUrl() + "/api/v1/service-info").body())
                    .contains("\"service\":\"" + service.module() + "\"");
        }
        assertThat(REPO.resolve(".kopru/logs/collection-service.log")).exists();
        assertThat(get("http://localhost:" + LocalSettings.SIMULATOR_PORT + "/admin/health").body()).contains("UP");

        KopruCommand.Result day = kopru("day");
        assertThat(day.exitCode()).as(day.output()).isZero();
        assertThat(day.output()).contains("MATCHED, no discrepancy", "MISMATCHED with exactly the planted discrepancy",
                "moved it to COLLECTED", "delivered to the customs API", "Summary of", "The business day went as expected.")
                .doesNotContain("✘");

        assertEveryMetricAlertsAndPanelsNameIsExported();
        assertACollectionAndItsLedgerEntryAreOneTrace();

        KopruCommand.Result again = kopru("up", "--no-build");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("Köprü is already running");

        KopruCommand.Result status = kopru("status");
        assertThat(status.output()).contains("collection-service").contains("ready");

        KopruCommand.Result down = kopru("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(down.output()).contains("Stopping kafka", "Stopping postgres", "Stopping upstream-simulator",
                "Stopping declaration-service");
        for (int port : new int[] {8081, 8082, 8083, 8084, LocalSettings.KAFKA_PORT, LocalSettings.POSTGRES_PORT,
                LocalSettings.SIMULATOR_PORT}) {
            assertThat(Readiness.portFree(port)).as("port %d is free after down", port).isTrue();
        }
    }

    /** An alert or a panel on a metric nobody exports would never fire, nor show anything: each name is exported. */
    private static void assertEveryMetricAlertsAndPanelsNameIsExported() throws Exception {
        Set<String> named = new TreeSet<>();
        for (String file : List.of("prometheus-rules.yaml", "grafana-dashboard.yaml")) {
            Matcher names = METRIC.matcher(Files.readString(MONITORING.resolve(file)));
            while (names.find()) {
                named.add(names.group());
            }
        }
        assertThat(named).hasSizeGreaterThan(12);
        Set<String> missing = new TreeSet<>(named);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            for (LocalService service : LocalService.values()) {
                String exported = get(service.baseUrl() + "/q/metrics").body();
                missing.removeIf(name -> exported.contains("\n" + name + "{") || exported.contains("\n" + name + " "));
            }
            if (!missing.isEmpty()) {
                Thread.sleep(5_000);
            }
        }
        assertThat(missing).as("metrics an alert or a panel names that no service exports").isEmpty();
        // the business day plants a MISMATCHED desk: the gauge its alert watches says so
        assertThat(get(LocalService.RECONCILIATION.baseUrl() + "/q/metrics").body().lines())
                .anyMatch(line -> line.startsWith("kopru_reconciliation_result_desks{")
                        && line.contains("result=\"MISMATCHED\"") && line.endsWith(" 1.0"));
    }

    /**
     * The day's collections were made through the API: one of them is a trace that runs from collection-service's
     * request through its payment-made's publication to reconciliation-service's ledger entry.
     */
    private static void assertACollectionAndItsLedgerEntryAreOneTrace() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                assertACollectionAndItsLedgerEntryAreOneTrace(TRACES.spans());
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(1_000);
            }
        }
    }

    private static void assertACollectionAndItsLedgerEntryAreOneTrace(List<OtlpReceiver.ReceivedSpan> spans) {
        Map<String, OtlpReceiver.ReceivedSpan> byId = spans.stream()
                .collect(Collectors.toMap(OtlpReceiver.ReceivedSpan::spanId, span -> span, (a, b) -> a));
        assertThat(spans).anySatisfy(ledger -> {
            assertThat(ledger.service()).isEqualTo("reconciliation-service");
            assertThat(ledger.name()).isEqualTo("payment-made process");
            assertThat(ledger.kind()).isEqualTo(OtlpReceiver.ReceivedSpan.CONSUMER);
            OtlpReceiver.ReceivedSpan publish = byId.get(ledger.parentSpanId());
            assertThat(publish).isNotNull();
            assertThat(publish.service()).isEqualTo("collection-service");
            assertThat(publish.kind()).isEqualTo(OtlpReceiver.ReceivedSpan.PRODUCER);
            assertThat(publish.attributes()).containsEntry("messaging.message.id",
                    ledger.attributes().get("messaging.message.id"));
            OtlpReceiver.ReceivedSpan request = byId.get(publish.parentSpanId());
            assertThat(request).isNotNull();
            assertThat(request.name()).isEqualTo("POST /api/v1/collections");
            assertThat(request.kind()).isEqualTo(OtlpReceiver.ReceivedSpan.SERVER);
            assertThat(List.of(publish.traceId(), request.traceId())).containsOnly(ledger.traceId());
        });
    }

    private static OtlpReceiver startReceiver() {
        try {
            return new OtlpReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopWhateverIsLeft() throws Exception {
        kopru("down");
        TRACES.close();
    }

    private static KopruCommand.Result kopru(String... args) throws IOException, InterruptedException {
        return KopruCommand.run(Duration.ofMinutes(5), args);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package tr.kopru.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, for real: {@code ./kopru up} (without its build step; the reactor has just built every
 * service) starts Kafka, PostgreSQL and the four services healthy; a second {@code up} says it is running;
 * {@code ./kopru down} stops everything and frees the ports.
 */
class LocalRunIT {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void upStartsEverythingHealthyAndDownStopsIt() throws Exception {
        Result up = kopru("up", "--detach", "--no-build");
        assertThat(up.exitCode).as(up.output).isZero();
        for (LocalService service : LocalService.values()) {
            assertThat(up.output).contains("Starting " + service.module() + " on port " + service.port() + " ... ready");
            HttpResponse<String> health = get(service.baseUrl() + "/q/health/ready");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\": \"UP\"", "Kafka connection health check",
                    "Reactive PostgreSQL connections health check");
            assertThat(get(service.baseUrl() + "/api/v1/service-info").body())
                    .contains("\"service\":\"" + service.module() + "\"");
        }
        assertThat(REPO.resolve(".kopru/logs/collection-service.log")).exists();
        assertThat(get("http://localhost:" + LocalSettings.SIMULATOR_PORT + "/admin/health").body()).contains("UP");

        Result day = kopru("day");
        assertThat(day.exitCode).as(day.output).isZero();
        assertThat(day.output).contains("MATCHED, no discrepancy", "MISMATCHED with exactly the planted discrepancy",
                "moved it to COLLECTED", "delivered to the customs API", "Summary of", "The business day went as expected.")
                .doesNotContain("✘");

        Result again = kopru("up", "--no-build");
        assertThat(again.exitCode).isEqualTo(1);
        assertThat(again.output).contains("Köprü is already running");

        Result status = kopru("status");
        assertThat(status.output).contains("collection-service").contains("ready");

        Result down = kopru("down");
        assertThat(down.exitCode).as(down.output).isZero();
        assertThat(down.output).contains("Stopping kafka", "Stopping postgres", "Stopping upstream-simulator",
                "Stopping declaration-service");
        for (int port : new int[] {8081, 8082, 8083, 8084, LocalSettings.KAFKA_PORT, LocalSettings.POSTGRES_PORT,
                LocalSettings.SIMULATOR_PORT}) {
            assertThat(Readiness.portFree(port)).as("port %d is free after down", port).isTrue();
        }
    }

    @AfterAll
    static void stopWhateverIsLeft() throws Exception {
        kopru("down");
    }

    private static Result kopru(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = REPO.resolve("kopru").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Path output = Files.createTempFile("kopru", ".out");
        Process process = new ProcessBuilder(command).directory(REPO.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("$ ./kopru " + String.join(" ", args) + "\n" + text);
        return new Result(process.exitValue(), text);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private record Result(int exitCode, String output) {
    }
}

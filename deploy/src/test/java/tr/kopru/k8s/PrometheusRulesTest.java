package tr.kopru.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts' unit tests, by Prometheus's own {@code promtool test rules} over the rule groups of the very
 * PrometheusRule that is deployed. Skipped, saying so, where promtool is missing (Debian's prometheus package;
 * .ci/run installs it).
 */
class PrometheusRulesTest {

    private static final Path MONITORING = Path.of("k8s/base/monitoring");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyAlertFiresWhenItShouldAndOnlyThen(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Commands.available("promtool", "--version"),
                "promtool is not installed (apt-get install prometheus): "
                + "the alert rules' unit tests are skipped");
        JsonNode rule = YAML.readTree(MONITORING.resolve("prometheus-rules.yaml").toFile());
        YAML.writeValue(dir.resolve("kopru-rules.yaml").toFile(), rule.path("spec"));
        Files.copy(MONITORING.resolve("prometheus-rules.test.yaml"), dir.resolve("prometheus-rules.test.yaml"));

        String checked = promtool(dir, "check", "rules", "kopru-rules.yaml");
        assertThat(checked).contains("SUCCESS: 12 rules found");
        String tested = promtool(dir, "test", "rules", "prometheus-rules.test.yaml");
        assertThat(tested).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyAlertHasASeverityASummaryAndARunbook() throws IOException {
        JsonNode rule = YAML.readTree(MONITORING.resolve("prometheus-rules.yaml").toFile());
        int alerts = 0;
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode alert : group.path("rules")) {
                alerts++;
                assertThat(alert.path("labels").path("severity").asText()).as(alert.path("alert").asText())
                        .isIn("critical", "warning");
                assertThat(alert.path("annotations").path("summary").asText()).isNotBlank();
                assertThat(alert.path("annotations").path("runbook").asText()).isNotBlank();
            }
        }
        assertThat(alerts).isEqualTo(12);
    }

    private static String promtool(Path dir, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = "promtool";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

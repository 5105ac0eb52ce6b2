package tr.kopru.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tr.kopru.model.event.EventType;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract as partners' own tools read it: every golden sample validates against its committed schema with ajv
 * ({@code ajv-cli}, with {@code ajv-formats}), and {@code @asyncapi/cli validate} accepts the AsyncAPI document. The
 * tools' versions are pinned in {@code shared-model/partner-tools/package.json} and its lock file; they are installed
 * from the npm registry on the first run. Runs wherever Node.js and npm are on the PATH (CI installs them); skipped,
 * saying so, where they are not.
 */
class PartnerToolsTest {

    private static final Path TOOLS = Path.of("partner-tools").toAbsolutePath();
    private static final Path RESOURCES = Path.of("src/main/resources").toAbsolutePath();
    private static final Path WORK = Path.of("target/partner-tools").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a tool printed and how it ended. */
    private record Run(int exit, String output) {
    }

    @BeforeAll
    static void installTools() throws Exception {
        Assumptions.assumeTrue(onPath("npm"), "Node.js and npm are not on the PATH: the contract is not checked with "
                + "partners' tools here (CI checks it)");
        Files.createDirectories(WORK);
        if (!Files.isExecutable(tool("ajv")) || !Files.isExecutable(tool("asyncapi"))) {
            Run install = run(TOOLS, 600, "npm", "ci", "--no-audit", "--no-fund");
            assertThat(install.exit()).as("npm ci in %s:%n%s", TOOLS, install.output()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void ajvAcceptsTheSchemaAndTheGoldenSampleValidates(EventType eventType) throws Exception {
        Path value = sampleValue(eventType, sample -> { });
        Run ajv = ajv(eventType, value);
        assertThat(ajv.exit()).as(ajv.output()).isZero();
        assertThat(ajv.output()).contains("valid").doesNotContain("invalid");
    }

    @Test
    void ajvRefusesASampleMissingARequiredField() throws Exception {
        Path value = sampleValue(EventType.PAYMENT_MADE, sample -> sample.remove("amount"));
        Run ajv = ajv(EventType.PAYMENT_MADE, value);
        assertThat(ajv.exit()).as(ajv.output()).isNotZero();
        assertThat(ajv.output()).contains("invalid").contains("amount");
    }

    @Test
    void theAsyncApiCliValidatesTheDocument() throws Exception {
        Path analytics = WORK.resolve("asyncapi-analytics.json");
        Files.writeString(analytics, "{\"analyticsEnabled\":\"false\",\"infoMessageShown\":\"true\",\"userID\":\"ci\"}");
        Run validate = run(RESOURCES, 120, Map.of("ASYNCAPI_METRICS_CONFIG_PATH", analytics.toString(), "CI", "true"),
                tool("asyncapi").toString(), "validate", "asyncapi.json");
        assertThat(validate.exit()).as(validate.output()).isZero();
        assertThat(validate.output()).contains("0 errors");
    }

    private static Run ajv(EventType eventType, Path value) throws Exception {
        return run(WORK, 60, tool("ajv").toString(), "validate", "--spec=draft7", "-c", "ajv-formats",
                "-s", RESOURCES.resolve(eventType.schemaResource()).toString(), "-d", value.toString());
    }

    /** The value of the type's golden sample, changed by {@code change}, in a file of its own. */
    private static Path sampleValue(EventType eventType, Consumer<ObjectNode> change)
            throws IOException {
        JsonNode sample = JSON.readTree(RESOURCES.resolve("samples/" + eventType.type() + ".json").toFile());
        ObjectNode value = (ObjectNode) sample.get("value");
        change.accept(value);
        Path file = Files.createTempFile(WORK, eventType.type(), ".json");
        Files.writeString(file, value.toString());
        return file;
    }

    private static Path tool(String name) {
        return TOOLS.resolve("node_modules/.bin/" + name);
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static Run run(Path dir, int timeoutSeconds, String... command) throws Exception {
        return run(dir, timeoutSeconds, Map.of(), command);
    }

    private static Run run(Path dir, int timeoutSeconds, Map<String, String> env, String... command)
            throws Exception {
        Path output = Files.createTempFile(WORK, "run", ".txt");
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeoutSeconds + " s");
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}

package tr.kopru.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tr.kopru.model.json.ContractJson;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyCommandTest {

    @TempDir
    Path dir;

    @Test
    void revokingDisablesOnlyThatKeyAndKeepsTheRestOfTheFile() throws Exception {
        Path file = dir.resolve("api-keys.json");
        Files.copy(Path.of("local", "api-keys.json"), file);
        String before = Files.readString(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ApiKeyCommand.revoke(file, "local-demo", new PrintStream(out), new PrintStream(err));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("API key local-demo is disabled in " + file);
        var entry = ContractJson.mapper().readTree(Files.readString(file)).get(0);
        assertThat(entry.path("status").asText()).isEqualTo("disabled");
        var original = ContractJson.mapper().readTree(before).get(0);
        assertThat(entry.path("sha256")).isEqualTo(original.path("sha256"));
        assertThat(entry.path("scopes")).isEqualTo(original.path("scopes"));
    }

    @Test
    void anUnknownIdChangesNothingAndSaysSo() throws Exception {
        Path file = dir.resolve("api-keys.json");
        Files.copy(Path.of("local", "api-keys.json"), file);
        String before = Files.readString(file);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ApiKeyCommand.revoke(file, "no-such-key", new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("No API key no-such-key in ");
        assertThat(Files.readString(file)).isEqualTo(before);
    }
}

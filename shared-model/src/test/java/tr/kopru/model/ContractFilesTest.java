package tr.kopru.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tr.kopru.model.event.EventType;
import tr.kopru.model.json.AsyncApiDocument;
import tr.kopru.model.json.JsonSchemaGenerator;
import tr.kopru.model.json.SchemaCompatibility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The committed JSON Schemas and AsyncAPI document are what the records generate. A change that would break an
 * existing consumer fails here, also when rewriting: publish it as a new version of the event type instead.
 * {@code ./mvnw -pl shared-model test -Dkopru.contract.write=true} rewrites the files after a compatible change.
 */
class ContractFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path DIR = Path.of(System.getProperty("kopru.contract.dir", "src/main/resources"));
    private static final boolean WRITE = Boolean.getBoolean("kopru.contract.write");
    private static final String REWRITE = " (rewrite with ./mvnw -pl shared-model test -Dkopru.contract.write=true)";

    @ParameterizedTest
    @EnumSource(EventType.class)
    void committedSchemaIsCurrentAndTheChangeBreaksNoConsumer(EventType eventType) throws IOException {
        Path file = DIR.resolve(eventType.schemaResource());
        JsonNode generated = JsonSchemaGenerator.schemaOf(eventType);
        if (Files.exists(file)) {
            List<String> breaking = SchemaCompatibility.breakingChanges(JSON.readTree(file.toFile()), generated);
            assertThat(breaking)
                    .as("%s changed in a way that breaks its consumers; publish a new version of the type instead",
                            eventType.type())
                    .isEmpty();
        }
        if (WRITE) {
            write(file, generated);
        } else if (!Files.exists(file)) {
            fail("No committed schema for " + eventType.type() + REWRITE);
        } else {
            assertThat(JSON.readTree(file.toFile())).as(file + " is stale" + REWRITE).isEqualTo(generated);
        }
    }

    @Test
    void committedAsyncApiDocumentIsCurrent() throws IOException {
        Path file = DIR.resolve("asyncapi.json");
        JsonNode generated = AsyncApiDocument.generate();
        if (WRITE) {
            write(file, generated);
        }
        assertThat(JSON.readTree(file.toFile())).as(file + " is stale" + REWRITE).isEqualTo(generated);
        assertThat(generated.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(iterableOf(generated.path("channels").fieldNames())).containsExactlyElementsOf(Topics.ALL);
        assertThat(generated.path("components").path("messages").size()).isEqualTo(EventType.values().length);
    }

    private static void write(Path file, JsonNode content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(content) + "\n");
    }

    private static List<String> iterableOf(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}

package tr.kopru.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import tr.kopru.model.json.SchemaCompatibility;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String BASE = """
            {"type":"object","required":["id","amount","channel"],
             "properties":{"id":{"type":"string"},"amount":{"type":"number"},
                           "channel":{"type":"string","enum":["api"]},
                           "owner":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}},
                           "note":{"type":["string","null"]}}}""";

    @Test
    void addingAnOptionalPropertyOrDroppingNullabilityBreaksNoOne() throws Exception {
        String after = BASE.replace("\"note\":{\"type\":[\"string\",\"null\"]}",
                "\"note\":{\"type\":\"string\"},\"extra\":{\"type\":\"integer\"}");
        assertThat(SchemaCompatibility.breakingChanges(tree(BASE), tree(after))).isEmpty();
    }

    @Test
    void removingARequiredPropertyBreaksConsumers() throws Exception {
        String after = BASE.replace("\"id\":{\"type\":\"string\"},", "").replace("[\"id\",", "[");
        assertThat(SchemaCompatibility.breakingChanges(tree(BASE), tree(after)))
                .containsExactly("$.id: required property removed");
    }

    @Test
    void aValueThatMayNowBeNullOrChangesTypeBreaksConsumers() throws Exception {
        String after = BASE.replace("\"amount\":{\"type\":\"number\"}", "\"amount\":{\"type\":[\"number\",\"null\"]}")
                .replace("\"id\":{\"type\":\"string\"}", "\"id\":{\"type\":\"integer\"}");
        assertThat(SchemaCompatibility.breakingChanges(tree(BASE), tree(after)))
                .containsExactlyInAnyOrder("$.amount: type [number] became [number, null]",
                        "$.id: type [string] became [integer]");
    }

    @Test
    void aNewEnumValueAndANestedRequiredPropertyMadeOptionalBreakConsumers() throws Exception {
        String after = BASE.replace("\"enum\":[\"api\"]", "\"enum\":[\"api\",\"batch\"]")
                .replace("\"required\":[\"name\"]", "\"required\":[]");
        assertThat(SchemaCompatibility.breakingChanges(tree(BASE), tree(after)))
                .containsExactlyInAnyOrder("$.channel: new enum value 'batch'",
                        "$.owner.name: required property became optional");
    }

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }
}

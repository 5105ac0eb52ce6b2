package tr.kopru.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tr.kopru.model.event.CloudEventHeaders;
import tr.kopru.model.event.EventType;
import tr.kopru.model.json.ContractJson;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each event type ships a golden sample record (key, headers, value) that its schema and its record accept. */
class GoldenSamplesTest {

    /** Reads decimals exactly as written, so that 845.60 and 845.6 differ. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleValidatesAgainstItsSchema(EventType eventType) throws IOException {
        JsonNode sample = read("samples/" + eventType.type() + ".json");
        Set<ValidationMessage> errors = schema(eventType).validate(sample.get("value"));
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleCarriesEveryCloudEventHeaderWithTheSubjectAsKey(EventType eventType) throws IOException {
        JsonNode sample = read("samples/" + eventType.type() + ".json");
        JsonNode headers = sample.get("headers");
        CloudEventHeaders.ALL.forEach(header -> assertThat(headers.hasNonNull(header)).as(header).isTrue());
        assertThat(headers.get(CloudEventHeaders.TYPE).asText()).isEqualTo(eventType.type());
        assertThat(headers.get(CloudEventHeaders.DATA_SCHEMA).asText()).isEqualTo(eventType.dataSchema());
        assertThat(headers.get(CloudEventHeaders.SUBJECT).asText()).isEqualTo(sample.get("key").asText());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleReadsIntoItsRecordAndWritesBackUnchanged(EventType eventType) throws IOException {
        JsonNode value = read("samples/" + eventType.type() + ".json").get("value");
        Object payload = ContractJson.mapper().treeToValue(value, eventType.payloadType());
        String written = ContractJson.mapper().writeValueAsString(payload);
        assertThat(EXACT.readTree(written)).isEqualTo(EXACT.readTree(value.toString()));
    }

    @Test
    void schemaRejectsAPayloadThatMissesARequiredFieldOrHasAWrongType() throws IOException {
        JsonNode value = read("samples/tr.kopru.collection.payment-made.v1.json").get("value");
        ((com.fasterxml.jackson.databind.node.ObjectNode) value).remove("amount");
        ((com.fasterxml.jackson.databind.node.ObjectNode) value).put("cashier_desk_id", "thirty-one");
        Set<ValidationMessage> errors = schema(EventType.PAYMENT_MADE).validate(value);
        assertThat(errors).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("amount"))
                .anyMatch(m -> m.contains("cashier_desk_id"));
    }

    static JsonSchema schema(EventType eventType) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(read(eventType.schemaResource()), SchemaValidatorsConfig.builder().build());
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = GoldenSamplesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return EXACT.readTree(in);
        }
    }
}

package tr.kopru.model.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tr.kopru.model.Topics;
import tr.kopru.model.event.CloudEventHeaders;
import tr.kopru.model.event.EventType;

import java.util.Arrays;
import java.util.List;

/**
 * The AsyncAPI 3 document of Köprü's four topics, derived from {@link EventType}: a channel per topic, a message
 * per event type with its CloudEvent headers and its payload schema, and the operation that sends it.
 */
public final class AsyncApiDocument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String SCHEMA_FORMAT = "application/schema+json;version=draft-07";

    private AsyncApiDocument() {
    }

    public static ObjectNode generate() {
        ObjectNode document = JSON.objectNode().put("asyncapi", "3.0.0");
        document.putObject("info")
                .put("title", "Köprü events")
                .put("version", "1.1.0")
                .put("description", "CloudEvents 1.0 in Kafka binary mode: ce_* headers and content-type, JSON "
                        + "payload, record key = the aggregate id. Consumers deduplicate on ce_id. Since 1.1 the "
                        + "content type is in the content-type header, as the CloudEvents Kafka binding has it; "
                        + "ce_datacontenttype, which 1.0 sent instead, is still sent in 1.1 and dropped in 1.2. "
                        + "Since 1.1 ce_dataschema and the schemas' $id are URLs under " + EventType.SCHEMA_BASE
                        + " (1.0 sent urn:tr.kopru:schema:<type>, which is not a valid URN).");
        document.put("defaultContentType", CloudEventHeaders.JSON);
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        components.putObject("schemas").set("CloudEventHeaders", headersSchema());

        for (String topic : Topics.ALL) {
            ObjectNode channel = channels.putObject(topic).put("address", topic);
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject("send-" + topic).put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + topic);
            var operationMessages = operation.putArray("messages");
            for (EventType eventType : typesOn(topic)) {
                String name = eventType.payloadType().getSimpleName();
                messages.set(name, message(eventType));
                channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
                operationMessages.addObject().put("$ref", "#/channels/" + topic + "/messages/" + name);
            }
        }
        return document;
    }

    private static List<EventType> typesOn(String topic) {
        return Arrays.stream(EventType.values()).filter(t -> t.defaultTopic().equals(topic)).toList();
    }

    private static ObjectNode message(EventType eventType) {
        ObjectNode message = JSON.objectNode()
                .put("name", eventType.type())
                .put("title", eventType.payloadType().getSimpleName())
                .put("contentType", CloudEventHeaders.JSON);
        message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
        message.putObject("payload")
                .put("schemaFormat", SCHEMA_FORMAT)
                .putObject("schema").put("$ref", eventType.schemaResource());
        message.putObject("bindings").putObject("kafka")
                .put("bindingVersion", "0.5.0")
                .putObject("key").put("type", "string").put("description", "The aggregate id (ce_subject)");
        return message;
    }

    private static ObjectNode headersSchema() {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        var required = schema.putArray("required");
        for (String header : CloudEventHeaders.ALL) {
            properties.putObject(header).put("type", "string");
            required.add(header);
        }
        ((ObjectNode) properties.get(CloudEventHeaders.SPEC_VERSION)).put("const", CloudEventHeaders.SPEC_VERSION_VALUE);
        ((ObjectNode) properties.get(CloudEventHeaders.CONTENT_TYPE)).put("const", CloudEventHeaders.JSON);
        ((ObjectNode) properties.get(CloudEventHeaders.DATA_CONTENT_TYPE)).put("const", CloudEventHeaders.JSON)
                .put("deprecated", true)
                .put("description", "Replaced by content-type; still sent in 1.1, dropped in 1.2");
        ((ObjectNode) properties.get(CloudEventHeaders.DATA_SCHEMA)).put("format", "uri");
        properties.putObject(CloudEventHeaders.TRACEPARENT).put("type", "string")
                .put("pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
                .put("description", "W3C trace context of the event's publication (CloudEvents distributed tracing); "
                        + "sent when the change that caused the event was traced");
        return schema;
    }
}

package tr.kopru.model.event;

import tr.kopru.model.Topics;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the public contract: its CloudEvent type, the topic it travels on and its payload record.
 * A change that breaks consumers is a new version: a new constant, never an edit of an existing one's payload.
 */
public enum EventType {
    INSTALLATION_RECORDED("tr.kopru.installation.recorded.v1", Topics.INSTALLATION_EVENTS, InstallationRecorded.class),
    INSTALLATION_CHANGED("tr.kopru.installation.changed.v1", Topics.INSTALLATION_EVENTS, InstallationChanged.class),
    DEBT_FOUND("tr.kopru.collection.debt-found.v1", Topics.DEBT_FOUND, DebtFound.class),
    PAYMENT_MADE("tr.kopru.collection.payment-made.v1", Topics.PAYMENT_MADE, PaymentMade.class),
    PAYMENT_CANCELLED("tr.kopru.collection.payment-cancelled.v1", Topics.PAYMENT_CANCELLED, PaymentCancelled.class);

    private final String type;
    private final String defaultTopic;
    private final Class<? extends Record> payloadType;

    EventType(String type, String defaultTopic, Class<? extends Record> payloadType) {
        this.type = type;
        this.defaultTopic = defaultTopic;
        this.payloadType = payloadType;
    }

    /** Where the schemas' identifiers start. */
    public static final String SCHEMA_BASE = "https://schemas.kopru.com.tr/events/";

    /** The {@code ce_type} value. */
    public String type() {
        return type;
    }

    /** The topic's contract name; a deployment may map it to another name. */
    public String defaultTopic() {
        return defaultTopic;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    /**
     * The {@code ce_dataschema} value and the schema's {@code $id}: an absolute URI naming the JSON Schema shipped as
     * {@link #schemaResource()} (contract 1.0 sent {@code urn:tr.kopru:schema:<type>}, not a valid URN).
     */
    public String dataSchema() {
        return SCHEMA_BASE + type + ".json";
    }

    /** Class-path location of this type's JSON Schema in the shared-model jar. */
    public String schemaResource() {
        return "schemas/events/" + type + ".json";
    }

    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static Optional<EventType> forPayload(Class<?> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadType)).findFirst();
    }
}

package tr.kopru.model.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka header names of a CloudEvent 1.0 in binary mode, as every Köprü event carries them, and the one place that
 * makes an event's headers.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** The content type of a binary-mode event, where the CloudEvents Kafka binding puts it. */
    public static final String CONTENT_TYPE = "content-type";
    /**
     * The content type as contract 1.0 sent it. Deprecated: still sent in 1.1, alongside {@link #CONTENT_TYPE}, so
     * that no consumer breaks; dropped in 1.2.
     */
    public static final String DATA_CONTENT_TYPE = "ce_datacontenttype";
    public static final String DATA_SCHEMA = "ce_dataschema";
    /**
     * The W3C trace context of the event's publication (the CloudEvents distributed-tracing extension), sent where the
     * change that caused the event was traced; not in {@link #ALL}, which every event carries.
     */
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    /** Every header a Köprü event carries. */
    public static final List<String> ALL = List.of(SPEC_VERSION, ID, TYPE, SOURCE, SUBJECT, TIME, CONTENT_TYPE,
            DATA_CONTENT_TYPE, DATA_SCHEMA);

    private CloudEventHeaders() {
    }

    /**
     * The headers of one event, in {@link #ALL}'s order, as UTF-8 text; {@code dataSchema} may be null (no
     * {@code ce_dataschema} is sent then).
     *
     * @param time ISO-8601 in UTC
     */
    public static Map<String, String> of(String id, String type, String source, String subject, String time,
                                         String dataSchema) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, SPEC_VERSION_VALUE);
        headers.put(ID, id);
        headers.put(TYPE, type);
        headers.put(SOURCE, source);
        headers.put(SUBJECT, subject);
        headers.put(TIME, time);
        headers.put(CONTENT_TYPE, JSON);
        headers.put(DATA_CONTENT_TYPE, JSON);
        if (dataSchema != null) {
            headers.put(DATA_SCHEMA, dataSchema);
        }
        return headers;
    }
}

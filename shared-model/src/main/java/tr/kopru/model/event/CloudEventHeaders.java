package tr.kopru.model.event;

import java.util.List;

/** Kafka header names of a CloudEvent 1.0 in binary mode, as every Köprü event carries them. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String DATA_CONTENT_TYPE = "ce_datacontenttype";
    public static final String DATA_SCHEMA = "ce_dataschema";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    /** Every header a Köprü event carries. */
    public static final List<String> ALL = List.of(SPEC_VERSION, ID, TYPE, SOURCE, SUBJECT, TIME, DATA_CONTENT_TYPE,
            DATA_SCHEMA);

    private CloudEventHeaders() {
    }
}

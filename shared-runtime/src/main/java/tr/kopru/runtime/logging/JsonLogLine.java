package tr.kopru.runtime.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logmanager.ExtLogRecord;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * A log record as one JSON object, for the cluster's log collector: timestamp, level, loggerName, threadName,
 * message, the traceId and spanId of the span it was logged in, mdc and, for a failure, its stackTrace. Written by
 * {@link PersonalDataLogFilter} as the record's message once it is masked (the handler's format is then just
 * {@code %s%n}), so that every line is JSON from the first, the start's included.
 */
final class JsonLogLine {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where OpenTelemetry keeps the current span's ids in the log context. */
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private JsonLogLine() {
    }

    static String of(ExtLogRecord record, String message, Throwable thrown) {
        ObjectNode line = JSON.createObjectNode();
        line.put("timestamp", record.getInstant().toString());
        line.put("level", record.getLevel().getName());
        line.put("loggerName", record.getLoggerName());
        line.put("threadName", record.getThreadName());
        line.put("message", message);
        Map<String, String> mdc = record.getMdcCopy();
        if (mdc != null && mdc.containsKey(TRACE_ID)) {
            line.put(TRACE_ID, mdc.get(TRACE_ID));
            line.put(SPAN_ID, mdc.get(SPAN_ID));
        }
        if (mdc != null && !mdc.isEmpty()) {
            ObjectNode fields = line.putObject("mdc");
            mdc.forEach(fields::put);
        }
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            line.put("stackTrace", trace.toString());
        }
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            return "{\"message\": \"a log line could not be written as JSON\"}";
        }
    }
}

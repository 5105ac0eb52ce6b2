package tr.kopru.runtime.logging;

import io.quarkus.logging.LoggingFilter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Masks personal data in every log line of the service, message and exception texts alike, before any handler
 * writes it. Enabled for the console and file handlers in the shared configuration. With {@code kopru.log.json}
 * (Kubernetes) it also writes the masked record as one JSON object ({@link JsonLogLine}) for handlers whose format
 * is {@code %s%n}.
 */
@LoggingFilter(name = PersonalDataLogFilter.NAME)
public final class PersonalDataLogFilter implements Filter {

    public static final String NAME = "kopru-personal-data";
    private static final String WRITTEN_AS_JSON = "kopru.json";

    private final boolean json;

    public PersonalDataLogFilter(@ConfigProperty(name = "kopru.log.json", defaultValue = "false") boolean json) {
        this.json = json;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String formatted = ext.getFormattedMessage();
            String masked = PersonalDataMasker.mask(formatted);
            Throwable thrown = ext.getThrown() == null ? null : MaskedThrowable.of(ext.getThrown());
            if (json) {
                if (ext.getMdc(WRITTEN_AS_JSON) != null) {
                    return true; // a second handler's turn: the record is JSON already
                }
                ext.setMessage(JsonLogLine.of(ext, masked, thrown), ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.putMdc(WRITTEN_AS_JSON, "true");
                ext.setParameters(null);
                ext.setThrown(null);
                return true;
            }
            if (masked != null && !masked.equals(formatted)) {
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
            ext.setThrown(thrown);
            return true;
        }
        if (record.getMessage() != null) {
            record.setMessage(PersonalDataMasker.mask(record.getMessage()));
        }
        if (record.getThrown() != null) {
            record.setThrown(MaskedThrowable.of(record.getThrown()));
        }
        return true;
    }
}

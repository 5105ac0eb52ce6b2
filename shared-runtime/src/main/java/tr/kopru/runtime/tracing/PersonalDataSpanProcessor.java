package tr.kopru.runtime.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.runtime.logging.PersonalDataMasker;

import java.util.List;

/**
 * Masks personal data in what a span takes from a request as it starts: its name and the URL attributes, whose
 * query may carry a tax number ({@code ?owner_tax_number=}). The HTTP instrumentation sets them before any other
 * processor or exporter sees the span; masked as log lines are (KVKK).
 */
@ApplicationScoped
public class PersonalDataSpanProcessor implements SpanProcessor {

    private static final List<AttributeKey<String>> FROM_THE_REQUEST = List.of(
            AttributeKey.stringKey("url.full"), AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("url.path"), AttributeKey.stringKey("http.target"),
            AttributeKey.stringKey("http.url"), AttributeKey.stringKey("db.statement"),
            AttributeKey.stringKey("db.query.text"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String name = span.getName();
        String maskedName = PersonalDataMasker.mask(name);
        if (!maskedName.equals(name)) {
            span.updateName(maskedName);
        }
        for (AttributeKey<String> key : FROM_THE_REQUEST) {
            String value = span.getAttribute(key);
            if (value != null) {
                String masked = PersonalDataMasker.mask(value);
                if (!masked.equals(value)) {
                    span.setAttribute(key, masked);
                }
            }
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}

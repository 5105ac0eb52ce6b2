package tr.kopru.runtime.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import tr.kopru.model.event.CloudEventHeaders;

import java.util.List;

/**
 * A trace context as the W3C {@code traceparent} text: how a business change's context is kept in its outbox row and
 * carried by its event (the CloudEvents distributed-tracing extension), so that the relay, our consumers and a
 * partner's continue the same trace.
 */
public final class TraceContext {

    /** The header (and CloudEvents extension attribute) that carries the context. */
    public static final String TRACEPARENT = CloudEventHeaders.TRACEPARENT;

    private static final TextMapGetter<String> TRACEPARENT_ONLY = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceContext() {
    }

    /**
     * The current span's context as {@code traceparent}; null outside a trace, and once the span has ended (work a
     * request left running after its answer, such as a sync's pages, is not that request's).
     */
    public static String current() {
        Span span = Span.current();
        return span.isRecording() ? of(span.getSpanContext()) : null;
    }

    /** {@code span}'s context as {@code traceparent}, or null when it is not a recorded span. */
    public static String of(Span span) {
        return of(span.getSpanContext());
    }

    private static String of(SpanContext context) {
        if (!context.isValid()) {
            return null;
        }
        String[] value = new String[1];
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(Span.wrap(context)), value,
                (carrier, key, text) -> {
                    if (TRACEPARENT.equals(key)) {
                        carrier[0] = text;
                    }
                });
        return value[0];
    }

    /**
     * The context to continue from {@code traceparent}: the root context when there is none or it is malformed (a
     * partner's bad header starts a new trace; it is never an error).
     */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT_ONLY);
    }

    /** The trace id of a {@code traceparent}, or null when it is not a valid one. */
    public static String traceId(String traceparent) {
        SpanContext context = Span.fromContext(parent(traceparent)).getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}

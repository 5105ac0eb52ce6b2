package tr.kopru.runtime.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import tr.kopru.runtime.logging.PersonalDataMasker;

import java.util.function.Supplier;

/**
 * The spans Köprü opens itself, beside those of the HTTP server and clients: one per upstream call (named after the
 * upstream's method), one per event the outbox relay publishes and one per consumed batch and event. Attributes name
 * upstreams, methods, topics and event ids, never personal data; failure messages are masked as log lines are.
 */
@ApplicationScoped
public class Tracing {

    public static final AttributeKey<String> UPSTREAM = AttributeKey.stringKey("kopru.upstream");
    public static final AttributeKey<String> UPSTREAM_TARGET = AttributeKey.stringKey("kopru.upstream.target");
    public static final AttributeKey<String> UPSTREAM_METHOD = AttributeKey.stringKey("kopru.upstream.method");
    public static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    public static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    public static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    public static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    public static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    public static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");

    private final Tracer tracer;

    public Tracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * {@code call} to {@code upstream}'s {@code target} in a span of its own, named after the method; the HTTP
     * client's span of each attempt is its child.
     */
    public <T> Uni<T> upstreamCall(String upstream, String target, String method, Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(upstream + " " + method).setSpanKind(SpanKind.INTERNAL)
                    .setAttribute(UPSTREAM, upstream).setAttribute(UPSTREAM_TARGET, target)
                    .setAttribute(UPSTREAM_METHOD, method).startSpan();
            return within(span, call);
        });
    }

    /**
     * The span of publishing one outbox event, a child of the business change that wrote it ({@code traceparent},
     * kept in its row); an invalid span, recording nothing, for an event written outside any trace.
     */
    public Span publishing(String topic, String eventId, String eventType, String traceparent) {
        Context parent = TraceContext.parent(traceparent);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(topic + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(DESTINATION, topic)
                .setAttribute(MESSAGE_ID, eventId).setAttribute(EVENT_TYPE, eventType).startSpan();
    }

    /** The span of one batch a consumer reads from {@code topic}: a trace of its own, as its events come from many. */
    public Span consumingBatch(String consumer, String topic, int size) {
        return tracer.spanBuilder(topic + " process batch").setNoParent().setSpanKind(SpanKind.CONSUMER)
                .setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(DESTINATION, topic)
                .setAttribute(CONSUMER_GROUP, consumer).setAttribute(BATCH_SIZE, (long) size).startSpan();
    }

    /**
     * The span of applying one event of a batch: a child of the event's {@code traceparent}, so that the effect (a
     * ledger entry, say) is in the trace of the change that caused it; linked to its batch's span. Like its
     * publication, an event sent outside any trace gets none (an invalid span, recording nothing): the batch's span
     * covers it.
     */
    public Span processing(String consumer, String topic, String eventId, String eventType, String traceparent,
                           Span batch) {
        Context parent = TraceContext.parent(traceparent);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(topic + " process").setParent(parent)
                .setSpanKind(SpanKind.CONSUMER).addLink(batch.getSpanContext())
                .setAttribute(MESSAGING_SYSTEM, "kafka").setAttribute(DESTINATION, topic)
                .setAttribute(CONSUMER_GROUP, consumer).setAttribute(MESSAGE_ID, eventId)
                .setAttribute(EVENT_TYPE, eventType).startSpan();
    }

    /** Ends {@code span}, marked as an error with the masked message when {@code failure} is not null. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, PersonalDataMasker.mask(String.valueOf(failure.getMessage())));
            span.setAttribute(AttributeKey.stringKey("exception.type"), failure.getClass().getName());
        }
        span.end();
    }

    /** Subscribes to {@code work} with {@code span} current, so that what it starts is the span's child. */
    private static <T> Uni<T> within(Span span, Supplier<Uni<T>> work) {
        Context context = Context.current().with(span);
        return Uni.createFrom().<T>emitter(emitter -> {
                    try (Scope ignored = context.makeCurrent()) {
                        Cancellable running = work.get().subscribe().with(emitter::complete, emitter::fail);
                        emitter.onTermination(running::cancel);
                    }
                })
                .onItemOrFailure().invoke((item, failure) -> end(span, failure))
                .onCancellation().invoke(span::end);
    }
}

package tr.kopru.runtime.outbox;

import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import tr.kopru.model.event.CloudEventHeaders;
import tr.kopru.runtime.db.SqlTimes;
import tr.kopru.runtime.tracing.TraceContext;
import tr.kopru.runtime.tracing.Tracing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends outbox rows to Kafka as CloudEvents (binary mode: the attributes in {@code ce_} headers). The rows of different
 * aggregates go concurrently, the rows of one aggregate one after another, each only once the previous one is
 * acknowledged: a retried send can never overtake a later event of its aggregate.
 */
@ApplicationScoped
public class OutboxPublisher {

    /**
     * Channel of the relay's producer; configured with acks=all and idempotence. The relay sends through the
     * producer directly: an emitter's message, metadata and context bookkeeping per event are a cost bulk syncs do
     * not need.
     */
    public static final String CHANNEL = "kopru-outbox";

    /** What one aggregate's sends achieved: the acknowledged rows' positions, and the row that failed, if one did. */
    public record AggregateResult(List<Long> published, Row failed, Throwable failure) {
    }

    private final KafkaClientService kafka;
    private final String source;
    private final Tracing tracing;

    public OutboxPublisher(KafkaClientService kafka, @ConfigProperty(name = "quarkus.application.name") String source,
                           Tracing tracing) {
        this.kafka = kafka;
        this.source = source;
        this.tracing = tracing;
    }

    /** Sends a batch of rows in position order per aggregate; one result per aggregate. */
    public Uni<List<AggregateResult>> publish(List<Row> pending) {
        KafkaProducer<String, byte[]> producer = producer(kafka);
        Map<String, List<Row>> byAggregate = new LinkedHashMap<>();
        pending.forEach(row -> byAggregate.computeIfAbsent(row.getString("record_key"), k -> new ArrayList<>()).add(row));
        List<Uni<AggregateResult>> chains = byAggregate.values().stream()
                .map(rows -> sendInSequence(producer, rows, 0, new ArrayList<>())).toList();
        return Uni.join().all(chains).andFailFast();
    }

    /** The producer of {@link #CHANNEL}: every record Köprü writes to Kafka (events, dead letters) leaves through it. */
    public static KafkaProducer<String, byte[]> producer(KafkaClientService kafka) {
        return Objects.requireNonNull(kafka.getProducer(CHANNEL),
                "no Kafka producer for channel " + CHANNEL + ": is mp.messaging.outgoing." + CHANNEL + " configured?");
    }

    private Uni<AggregateResult> sendInSequence(KafkaProducer<String, byte[]> producer, List<Row> rows, int index,
                                            List<Long> published) {
        if (index == rows.size()) {
            return Uni.createFrom().item(new AggregateResult(published, null, null));
        }
        Row row = rows.get(index);
        return send(producer, row).chain(failure -> {
            if (failure != null) {
                return Uni.createFrom().item(new AggregateResult(published, row, failure));
            }
            published.add(row.getLong("position"));
            return sendInSequence(producer, rows, index + 1, published);
        });
    }

    /**
     * Sends one row; answers null once acknowledged, or the failure. An event written in a trace is sent in a span of
     * that trace, whose context its {@code traceparent} header carries on to the consumers.
     */
    private Uni<Throwable> send(KafkaProducer<String, byte[]> producer, Row row) {
        String id = row.getUUID("id").toString();
        String topic = row.getString("topic");
        Span span = tracing.publishing(topic, id, row.getString("event_type"), row.getString("traceparent"));
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(id, row.getString("event_type"), source, row.getString("record_key"),
                        SqlTimes.instant(row.getOffsetDateTime("created_at")).toString(),
                        row.getString("data_schema"))
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        String traceparent = TraceContext.of(span);
        if (traceparent != null) {
            headers.add(TraceContext.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, row.getString("record_key"),
                row.getBuffer("payload").getBytes(), headers);
        return producer.send(record).replaceWith((Throwable) null).onFailure().recoverWithItem(t -> t)
                .invoke(failure -> Tracing.end(span, failure));
    }
}

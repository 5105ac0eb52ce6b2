package tr.kopru.runtime.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event waiting in a service's outbox table until the relay has handed it to Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Also the CloudEvent id: stable across relay retries, so consumers can deduplicate on it. */
    @Id
    public UUID id;

    /** Assigned by the database in insert order; the relay publishes in this order. */
    @Column(insertable = false, updatable = false)
    public Long position;

    public String topic;

    /** The aggregate id: the Kafka record key and the CloudEvent subject. */
    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "data_schema")
    public String dataSchema;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The W3C trace context of the change that wrote the event; null outside a trace. */
    public String traceparent;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}

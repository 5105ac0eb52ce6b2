package tr.kopru.runtime.messaging;

import tr.kopru.model.event.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvent read from a topic, checked against the contract: a known type, a payload its schema accepts, read
 * into the type's payload record; with the W3C trace context it was sent in ({@code traceparent}, null without).
 */
public record IncomingEvent<P extends Record>(UUID id, EventType type, String subject, Instant time, P payload,
                                              String traceparent) {
}

package tr.kopru.testsupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;

/** Reads the headers of records taken off a topic in tests, such as the CloudEvent ce_* headers. */
public final class KafkaHeaders {

    private KafkaHeaders() {
    }

    /** The last value of header {@code name} as UTF-8 text, or null when the record has none. */
    public static String text(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

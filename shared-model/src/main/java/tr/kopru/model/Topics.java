package tr.kopru.model;

import java.util.List;
import java.util.stream.Stream;

/** Default names of the Kafka topics that make up Köprü's public event contract; deployments may rename them. */
public final class Topics {

    public static final String INSTALLATION_EVENTS = "installation-events";
    public static final String DEBT_FOUND = "debt-found";
    public static final String PAYMENT_MADE = "payment-made";
    public static final String PAYMENT_CANCELLED = "payment-cancelled";

    /** Suffix of the dead-letter topic that receives the records a consumer could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** The four business topics, in the order the architecture lists them. */
    public static final List<String> ALL = List.of(INSTALLATION_EVENTS, DEBT_FOUND, PAYMENT_MADE, PAYMENT_CANCELLED);

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every topic a broker must hold before the services start: the business topics and their dead-letter topics. */
    public static List<String> withDeadLetters() {
        return ALL.stream().flatMap(t -> Stream.of(t, deadLetterOf(t))).toList();
    }
}

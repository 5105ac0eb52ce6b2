package tr.kopru.local.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import tr.kopru.model.Money;
import tr.kopru.model.event.CloudEventHeaders;
import tr.kopru.model.event.EventIds;
import tr.kopru.model.event.EventType;
import tr.kopru.model.event.PaymentCancelled;
import tr.kopru.model.event.PaymentChannel;
import tr.kopru.model.event.PaymentMade;
import tr.kopru.model.json.ContractJson;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes payment events for the reconciliation benchmark, as the collection service's relay would.
 * <ul>
 *   <li>{@code ingest BOOTSTRAP TOTAL INSTITUTION DESK DAY PREFIX}: about TOTAL events: payments, 10% of them also
 *   cancelled (a quarter of those cancellations sent before their payment), 1% of payments sent twice with the same
 *   ce_id. Prints the payments, cancellations and events sent.</li>
 *   <li>{@code day BOOTSTRAP COUNT INSTITUTION DESK DAY PREFIX}: COUNT payments matching the simulator's synthetic
 *   bulk booking, with ten planted discrepancies (see bench/reconciliation.sh).</li>
 * </ul>
 */
public final class PaymentEventFlood {

    /** Indices the day mode leaves out, changes the amount of, or cancels. */
    static final Set<Long> OMIT = Set.of(10L, 20L);
    static final Set<Long> AMOUNT_PLUS_A_CENT = Set.of(50L, 60L);
    static final Set<Long> CANCEL = Set.of(70L, 80L);

    private final KafkaProducer<String, String> producer;
    private final String institution;
    private final long desk;
    private final LocalDate day;
    private final String prefix;
    private long sent;

    private PaymentEventFlood(String bootstrap, String institution, long desk, LocalDate day, String prefix) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new StringSerializer());
        this.institution = institution;
        this.desk = desk;
        this.day = day;
        this.prefix = prefix;
    }

    public static void main(String[] args) {
        if (args.length != 7) {
            System.err.println("usage: PaymentEventFlood ingest|day BOOTSTRAP COUNT INSTITUTION DESK DAY PREFIX");
            System.exit(2);
        }
        PaymentEventFlood flood = new PaymentEventFlood(args[1], args[3], Long.parseLong(args[4]),
                LocalDate.parse(args[5]), args[6]);
        long count = Long.parseLong(args[2]);
        if (args[0].equals("ingest")) {
            flood.ingest(count);
        } else {
            flood.day(count);
        }
        flood.producer.close();
    }

    private void ingest(long total) {
        long payments = Math.round(total / 1.11);
        long cancellations = 0;
        for (long i = 0; i < payments; i++) {
            UUID paymentId = EventIds.next();
            boolean cancelled = i % 10 == 0;
            boolean cancelFirst = cancelled && i % 40 == 0;
            if (cancelFirst) {
                cancel(i, amount(i));
            }
            pay(paymentId, i, amount(i));
            if (i % 100 == 1) {
                pay(paymentId, i, amount(i));
            }
            if (cancelled && !cancelFirst) {
                cancel(i, amount(i));
            }
            cancellations += cancelled ? 1 : 0;
        }
        producer.flush();
        System.out.printf("payments=%d cancellations=%d events=%d%n", payments, cancellations, sent);
    }

    private void day(long count) {
        for (long i = 0; i < count; i++) {
            if (OMIT.contains(i)) {
                continue;
            }
            BigDecimal amount = amount(i);
            pay(EventIds.next(), i, AMOUNT_PLUS_A_CENT.contains(i) ? amount.add(new BigDecimal("0.01")) : amount);
            if (CANCEL.contains(i)) {
                cancel(i, amount);
            }
        }
        producer.flush();
        System.out.printf("events=%d%n", sent);
    }

    /** The same amounts as the simulator's synthetic collections: 10.00 + (i mod 1000) * 0.01. */
    private static BigDecimal amount(long i) {
        return new BigDecimal("10.00").add(BigDecimal.valueOf(i % 1000, 2));
    }

    private void pay(UUID id, long i, BigDecimal amount) {
        String transaction = prefix + i;
        send(id, EventType.PAYMENT_MADE, transaction, new PaymentMade(institution, desk, transaction,
                firstId() + i, "BLD", String.valueOf(i), String.format("%024d", i), 1_000_000L + i, Money.of(amount),
                day, Instant.now(), PaymentChannel.API));
    }

    private void cancel(long i, BigDecimal amount) {
        String transaction = prefix + i;
        send(EventIds.next(), EventType.PAYMENT_CANCELLED, transaction, new PaymentCancelled(institution, desk,
                transaction, firstId() + i, Money.of(amount), day, Instant.now()));
    }

    /** Upstream collection ids of this prefix's collections, as the bench books them in the simulator. */
    private static long firstId() {
        return 700_000_000L;
    }

    private void send(UUID id, EventType type, String key, Record payload) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(id.toString(), type.type(), "/kopru/bench", key, Instant.now().toString(), type.dataSchema())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(new ProducerRecord<>(type.defaultTopic(), null, key,
                    ContractJson.mapper().writeValueAsString(payload), headers));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        sent++;
    }
}

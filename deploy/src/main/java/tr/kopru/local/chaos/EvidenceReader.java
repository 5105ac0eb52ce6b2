package tr.kopru.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tr.kopru.infra.PostgresServer;
import tr.kopru.local.LocalSettings;
import tr.kopru.model.ServiceSchema;
import tr.kopru.model.Topics;
import tr.kopru.model.event.CloudEventHeaders;
import tr.kopru.model.json.ContractJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the {@link Evidence} of a campaign: FlexCity's bookings, UTTS's listing and customs' declarations through
 * the simulator, every record of the topics from their start, and the services' tables.
 */
final class EvidenceReader {

    private final ChaosHttp simulator = new ChaosHttp("", Duration.ofSeconds(60));
    private final String kafka;

    EvidenceReader(String kafka) {
        this.kafka = kafka;
    }

    Evidence read(ClientLog clients, List<FaultRunner.Window> windows) {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + LocalSettings.POSTGRES_PORT
                + "/" + PostgresServer.DATABASE, "postgres", "")) {
            List<Evidence.InstallationEvent> installationEvents = new ArrayList<>();
            consume(Topics.INSTALLATION_EVENTS, (id, value) -> {
                JsonNode installation = value.path("installation");
                installationEvents.add(new Evidence.InstallationEvent(installation.path("installation_id").asLong(),
                        id, installation.path("status_id").asInt(), installation.toString()));
            });
            List<Evidence.Event> made = new ArrayList<>();
            consume(Topics.PAYMENT_MADE, (id, value) -> made.add(new Evidence.Event(id,
                    value.path("transaction_number").asText())));
            List<Evidence.Event> cancelled = new ArrayList<>();
            consume(Topics.PAYMENT_CANCELLED, (id, value) -> cancelled.add(new Evidence.Event(id,
                    value.path("transaction_number").asText())));
            Map<String, Long> deadLetters = new LinkedHashMap<>();
            for (String topic : Topics.ALL) {
                long[] count = {0};
                consume(Topics.deadLetterOf(topic), (id, value) -> count[0]++);
                if (count[0] > 0) {
                    deadLetters.put(Topics.deadLetterOf(topic), count[0]);
                }
            }
            return new Evidence(bookings(), query(db, COLLECTIONS, r -> new Evidence.Collection(r.getString(1),
                    r.getString(2), r.getLong(3), r.getString(4), r.getString(5), r.getString(6), r.getBigDecimal(7),
                    r.getDate(8).toLocalDate())),
                    made, cancelled,
                    query(db, LEDGER, r -> new Evidence.LedgerDay(r.getString(1), r.getLong(2),
                            r.getDate(3).toLocalDate(), r.getLong(4), r.getBigDecimal(5), r.getLong(6))),
                    query(db, RECONCILED, r -> new Evidence.ReconciledDay(r.getString(1), r.getLong(2),
                            r.getDate(3).toLocalDate(), r.getString(4))),
                    uttsListing(),
                    query(db, "SELECT installation_id, status_id FROM installation_sync.installation",
                            r -> new Evidence.UttsRecord(r.getLong(1), r.getInt(2))),
                    installationEvents,
                    query(db, UPDATES, r -> new Evidence.Update(r.getString(1), r.getLong(2), r.getString(3),
                            r.getString(4))),
                    customs(),
                    outboxRows(db), deadLetters, clients.unanswered(), clients.serverErrors(), windows);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the services' tables: " + e.getMessage(), e);
        }
    }

    private static final String COLLECTIONS = """
            SELECT id::text, institution, desk_id, transaction_number, invoice_number, state, amount, collection_date
            FROM collection.collection""";
    private static final String LEDGER = """
            SELECT institution, desk_id, collection_date,
                   count(*) FILTER (WHERE paid AND NOT cancelled),
                   coalesce(sum(amount) FILTER (WHERE paid AND NOT cancelled), 0),
                   count(*) FILTER (WHERE cancelled)
            FROM reconciliation.ledger_entry GROUP BY institution, desk_id, collection_date""";
    private static final String RECONCILED = """
            SELECT d.institution, d.desk_id, d.day, r.result
            FROM reconciliation.reconciled_day d JOIN reconciliation.reconciliation_run r ON r.id = d.last_run_id""";
    private static final String UPDATES = """
            SELECT u.declaration_id, u.sequence, u.body ->> 'shipment_reference_number', d.status
            FROM declaration.declaration_update u JOIN declaration.delivery d ON d.update_id = u.id
            ORDER BY u.sequence""";

    private List<Evidence.Booking> bookings() {
        List<Evidence.Booking> bookings = new ArrayList<>();
        for (String institution : List.of(Workload.CITY, Workload.WATER)) {
            for (JsonNode b : simulator.get(ChaosCampaign.SIMULATOR + "/admin/flexcity/" + institution
                    + "/collections")) {
                bookings.add(new Evidence.Booking(institution, b.path("bgs_tahsil_genel_id").asLong(),
                        b.path("desk_id").asLong(), b.path("amount").decimalValue(),
                        LocalDate.parse(b.path("collection_date").asText()),
                        b.path("transaction_no").isNull() ? null : b.path("transaction_no").asText(),
                        b.path("invoice_number").asText(), !b.path("cancelled_on").isNull()));
            }
        }
        return bookings;
    }

    private List<Evidence.UttsRecord> uttsListing() {
        List<Evidence.UttsRecord> records = new ArrayList<>();
        for (String account : Workload.UTTS_ACCOUNTS) {
            simulator.get(ChaosCampaign.SIMULATOR + "/admin/utts/installations?account=" + account + "@example.com")
                    .forEach(r -> records.add(new Evidence.UttsRecord(r.path("id").asLong(),
                            r.path("status_id").asInt())));
        }
        return records;
    }

    private List<Evidence.CustomsDeclaration> customs() {
        List<Evidence.CustomsDeclaration> declarations = new ArrayList<>();
        for (int i = 1; i <= Workload.DECLARATIONS; i++) {
            String id = "DEC-%04d".formatted(i);
            JsonNode declaration = simulator.send("GET", ChaosCampaign.SIMULATOR + "/api/v1/declarations/" + id, null,
                    Map.of("Authorization", "Bearer sim-customs-token", "X-Target-Server", "TEST"))
                    .orElseThrow(() -> new IllegalStateException("customs did not answer for " + id)).body();
            List<String> received = new ArrayList<>();
            declaration.path("updates").forEach(u -> received.add(u.path("body")
                    .path("shipment_reference_number").asText()));
            String holds = declaration.path("shipment_reference_number").isMissingNode() ? null
                    : declaration.path("shipment_reference_number").asText();
            declarations.add(new Evidence.CustomsDeclaration(id, received, holds));
        }
        return declarations;
    }

    private static Map<String, Long> outboxRows(Connection db) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String schema : ServiceSchema.allNames()) {
            long count = query(db, "SELECT count(*) FROM " + schema + ".outbox_event", r -> r.getLong(1)).get(0);
            if (count > 0) {
                rows.put(schema, count);
            }
        }
        return rows;
    }

    private interface Row<T> {
        T of(ResultSet row) throws SQLException;
    }

    private static <T> List<T> query(Connection db, String sql, Row<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (var statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(mapper.of(result));
            }
        }
        return rows;
    }

    private interface RecordSink {
        void accept(String eventId, JsonNode value);
    }

    /** Reads every record of {@code topic} from its start to its end as of now. */
    private void consume(String topic, RecordSink sink) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    Header id = record.headers().lastHeader(CloudEventHeaders.ID);
                    sink.accept(id == null ? "" : new String(id.value(), StandardCharsets.UTF_8),
                            parse(record.value()));
                }
            }
        }
    }

    private static JsonNode parse(byte[] value) {
        try {
            return value == null ? ContractJson.mapper().nullNode() : ContractJson.mapper().readTree(value);
        } catch (IOException e) {
            return ContractJson.mapper().nullNode();
        }
    }
}

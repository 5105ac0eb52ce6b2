package tr.kopru.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tr.kopru.infra.KafkaBroker;
import tr.kopru.infra.SecureListener;
import tr.kopru.model.Topics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kafka's access model on a real KRaft broker with a TLS listener, SCRAM-SHA-512 users and the standard authorizer,
 * with the ACLs of the very KafkaUser manifests that production applies (components/kafka-security and the partner
 * template): each service can do what it does and no more, a partner reads what it was granted in its own groups
 * only, and a wrong password is refused.
 */
class KafkaAccessIT {

    private static final Path K8S = Path.of("k8s");
    private static final String STORE_PASSWORD = "test-only-keystore";
    private static final String PARTNER = "partner-example";

    private static Path certificates;
    private static KafkaBroker broker;
    private static final Map<String, String> PASSWORDS = new HashMap<>();

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        certificates = Files.createTempDirectory("kopru-kafka-tls-");
        Path keystore = TestCertificates.brokerKeystore(certificates, STORE_PASSWORD);
        broker = KafkaBroker.startSecured(new SecureListener(keystore, STORE_PASSWORD));
        broker.createTopics(Topics.withDeadLetters());

        List<JsonNode> users = new ArrayList<>(RenderedManifests.parse(
                Files.readString(K8S.resolve("components/kafka-security/kafka-users.yaml"))));
        users.addAll(RenderedManifests.parse(Files.readString(K8S.resolve("partners/partner-example.yaml"))));
        List<UserScramCredentialAlteration> credentials = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (JsonNode user : users) {
            String name = KafkaUserAcls.userOf(user);
            PASSWORDS.put(name, "test-only-" + UUID.randomUUID());
            credentials.add(new UserScramCredentialUpsertion(name,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), PASSWORDS.get(name)));
            acls.addAll(KafkaUserAcls.of(user));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            admin.alterUserScramCredentials(credentials).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (broker != null) {
            broker.close();
        }
        TestCertificates.delete(certificates);
    }

    @Test
    void eachServiceWritesItsOwnTopicsAndNoOtherServices() throws Exception {
        send("installation-sync-service", Topics.INSTALLATION_EVENTS);
        for (String topic : List.of(Topics.DEBT_FOUND, Topics.PAYMENT_MADE, Topics.PAYMENT_CANCELLED)) {
            send("collection-service", topic);
        }
        assertRefused(() -> send("collection-service", Topics.INSTALLATION_EVENTS), TopicAuthorizationException.class);
        assertRefused(() -> send("installation-sync-service", Topics.PAYMENT_MADE), TopicAuthorizationException.class);
        assertRefused(() -> send("reconciliation-service", Topics.PAYMENT_MADE), TopicAuthorizationException.class);
        assertRefused(() -> send("declaration-service", Topics.PAYMENT_MADE), TopicAuthorizationException.class);
    }

    @Test
    void theLedgerReadsThePaymentEventsInItsGroupAndDeadLettersWhatItCannotRead() throws Exception {
        String made = send("collection-service", Topics.PAYMENT_MADE);
        String cancelled = send("collection-service", Topics.PAYMENT_CANCELLED);
        assertThat(readAll("reconciliation-service", "reconciliation-service", Topics.PAYMENT_MADE)).contains(made);
        assertThat(readAll("reconciliation-service", "reconciliation-service", Topics.PAYMENT_CANCELLED))
                .contains(cancelled);
        send("reconciliation-service", Topics.deadLetterOf(Topics.PAYMENT_MADE));
        send("reconciliation-service", Topics.deadLetterOf(Topics.PAYMENT_CANCELLED));
        assertRefused(() -> readAll("reconciliation-service", "reconciliation-service", Topics.DEBT_FOUND),
                TopicAuthorizationException.class);
    }

    @Test
    void aPartnerReadsWhatItWasGrantedInItsOwnGroupsAndNothingMore() throws Exception {
        String made = send("collection-service", Topics.PAYMENT_MADE);
        assertThat(readAll(PARTNER, PARTNER + ".ledger", Topics.PAYMENT_MADE)).contains(made);
        // a plain producer, so that it is the topic that refuses (an idempotent one is refused by the cluster first)
        assertRefused(() -> send(PARTNER, PASSWORDS.get(PARTNER), Topics.PAYMENT_MADE, false),
                TopicAuthorizationException.class);
        assertRefused(() -> send(PARTNER, Topics.PAYMENT_MADE), ClusterAuthorizationException.class);
        assertRefused(() -> readAll(PARTNER, PARTNER + ".ledger", Topics.DEBT_FOUND),
                TopicAuthorizationException.class);
        assertRefused(() -> readAll(PARTNER, "reconciliation-service", Topics.PAYMENT_MADE),
                GroupAuthorizationException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertRefused(() -> send("collection-service", "not-" + PASSWORDS.get("collection-service"),
                Topics.PAYMENT_MADE, true), SaslAuthenticationException.class);
    }

    /** Sends one record as {@code user}, idempotently (as the services' outbox does); answers its value. */
    private static String send(String user, String topic) throws Exception {
        return send(user, PASSWORDS.get(user), topic, true);
    }

    private static String send(String user, String password, String topic, boolean idempotent) throws Exception {
        String value = "{\"probe\": \"" + UUID.randomUUID() + "\"}";
        Map<String, Object> config = client(user, password);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "probe", value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return value;
    }

    /** Reads {@code topic} from its start as {@code user} in {@code group}, until a poll brings nothing. */
    private static List<String> readAll(String user, String group, String topic) {
        Map<String, Object> config = client(user, PASSWORDS.get(user));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            boolean assigned = false;
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : records) {
                    values.add(record.value());
                }
                if (assigned && records.isEmpty()) {
                    break;
                }
                assigned = !consumer.assignment().isEmpty();
            }
            consumer.commitSync();
        }
        return values;
    }

    private static Map<String, Object> client(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.secureBootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"" + user + "\" password=\"" + password + "\";");
        config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        config.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, TestCertificates.brokerCertificate(certificates));
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return config;
    }

    /**
     * The call is refused for {@code refusal}: thrown as it is, or as the cause of the client's own failure (an
     * idempotent producer refused while it initialises fails its send with "in an error state", caused by it).
     */
    private static void assertRefused(ThrowingCall call, Class<? extends Exception> refusal) {
        assertThatThrownBy(call::run).satisfies(thrown -> {
            List<Throwable> chain = new ArrayList<>();
            for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
                chain.add(t);
            }
            assertThat(chain).as("the failure or one of its causes").anyMatch(refusal::isInstance);
        });
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }
}

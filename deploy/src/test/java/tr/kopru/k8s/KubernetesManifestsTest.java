package tr.kopru.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tr.kopru.model.Topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every overlay of deploy/k8s offline and checks it: schemas, probes, resources, image tags, secret
 * references, the topics. The services' generated manifests come from this build (deploy is built after them).
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final List<String> SERVICES = List.of("installation-sync-service", "collection-service",
            "reconciliation-service", "declaration-service");

    @BeforeAll
    static void kubectlIsThere() {
        Assumptions.assumeTrue(RenderedManifests.kubectlAvailable(),
                "kubectl is not installed: the Kubernetes manifests are not rendered or checked on this machine");
        for (String service : SERVICES) {
            Assumptions.assumeTrue(Files.exists(K8S.resolve("base/generated/" + service + "/kubernetes.yml")),
                    "the manifests of " + service + " are not generated yet: build it first (./mvnw install)");
        }
    }

    private static final String CONSOLE = "operator-console";

    @Test
    void theDevOverlayIsValid() throws Exception {
        List<JsonNode> documents = RenderedManifests.render(K8S.resolve("overlays/dev"));
        assertThat(ManifestValidator.check(documents)).isEmpty();
        assertThat(ofKind(documents, "Deployment")).extracting(d -> d.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(withConsole());
        assertTheConsoleReachesOnlyTheServices(documents);
        assertThat(ofKind(documents, "Deployment")).allSatisfy(d ->
                assertThat(d.path("metadata").path("namespace").asText()).isEqualTo("kopru-dev"));
        assertTopics(documents, 1, 1);
        assertThat(ofKind(documents, "KafkaUser")).isEmpty();
        assertThat(ofKind(documents, "Deployment")).allSatisfy(d -> assertThat(env(d)).doesNotContainKeys(
                "KAFKA_SECURITY_PROTOCOL", "QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE"));
    }

    @Test
    void theProdOverlayIsValidOnceItsSecretsAreFilledIn(@TempDir Path copy) throws Exception {
        RenderedManifests.copyTree(K8S, copy);
        Path secrets = copy.resolve("overlays/prod/secrets");
        try (Stream<Path> examples = Files.list(secrets)) {
            for (Path example : examples.filter(p -> p.toString().endsWith(".example")).toList()) {
                Files.copy(example, secrets.resolve(example.getFileName().toString().replace(".example", "")));
            }
        }
        List<JsonNode> documents = RenderedManifests.render(copy.resolve("overlays/prod"));
        assertThat(ManifestValidator.check(documents)).isEmpty();
        assertThat(ofKind(documents, "Deployment")).allSatisfy(d -> {
            assertThat(d.path("spec").path("replicas").asInt()).isEqualTo(2);
            assertThat(d.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText())
                    .endsWith(":0.1.0");
        });
        assertThat(ofKind(documents, "Cluster").get(0).path("spec").path("instances").asInt()).isEqualTo(3);
        assertTopics(documents, 3, 2);
        assertProductionSecurity(documents);
    }

    /** Kafka over TLS with a SCRAM user per service and ACLs; PostgreSQL over TLS verified against its CA. */
    private static void assertProductionSecurity(List<JsonNode> documents) {
        JsonNode kafka = ofKind(documents, "Kafka").get(0).path("spec").path("kafka");
        assertThat(kafka.path("listeners")).allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean()).isTrue();
            assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        });
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(ofKind(documents, "KafkaUser")).extracting(u -> u.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(services(documents)).allSatisfy(d -> {
            Map<String, JsonNode> env = env(d);
            assertThat(env.get("KAFKA_SECURITY_PROTOCOL").path("value").asText()).isEqualTo("SASL_SSL");
            assertThat(env.get("KAFKA_SASL_MECHANISM").path("value").asText()).isEqualTo("SCRAM-SHA-512");
            assertThat(env.get("KAFKA_SASL_JAAS_CONFIG").path("valueFrom").path("secretKeyRef").path("name").asText())
                    .isEqualTo(d.path("metadata").path("name").asText());
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").path("value").asText()).endsWith(":9093");
            assertThat(env.get("QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE").path("value").asText())
                    .isEqualTo("verify-full");
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").path("value").asText())
                    .contains("sslmode=verify-full", "sslrootcert=/etc/kopru/db-ca/ca.crt");
        });
    }

    /**
     * The console has no database and no Kafka: none of their settings, its NetworkPolicy lets it reach only the four
     * services (and DNS), and each service's lets the console in.
     */
    private static void assertTheConsoleReachesOnlyTheServices(List<JsonNode> documents) {
        JsonNode console = ofKind(documents, "Deployment").stream()
                .filter(d -> d.path("metadata").path("name").asText().equals(CONSOLE)).findFirst().orElseThrow();
        assertThat(env(console).keySet()).noneMatch(name -> name.startsWith("KAFKA_") || name.startsWith("KOPRU_DB"));
        Map<String, JsonNode> policies = new HashMap<>();
        ofKind(documents, "NetworkPolicy").forEach(p -> policies.put(p.path("metadata").path("name").asText(), p));
        assertThat(policies.get(CONSOLE).path("spec").path("egress").get(1).path("to").get(0).path("podSelector")
                .path("matchExpressions").get(0).path("values")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(policies.get(CONSOLE).path("spec").path("egress")).hasSize(2);
        for (String service : SERVICES) {
            assertThat(policies.get(service).path("spec").path("ingress").get(0).path("from").toString())
                    .contains("\"app.kubernetes.io/name\":\"" + CONSOLE + "\"");
        }
    }

    private static List<String> withConsole() {
        List<String> all = new ArrayList<>(SERVICES);
        all.add(CONSOLE);
        return all;
    }

    private static List<JsonNode> services(List<JsonNode> documents) {
        return ofKind(documents, "Deployment").stream()
                .filter(d -> SERVICES.contains(d.path("metadata").path("name").asText())).toList();
    }

    private static Map<String, JsonNode> env(JsonNode deployment) {
        Map<String, JsonNode> env = new HashMap<>();
        for (JsonNode variable : deployment.path("spec").path("template").path("spec").path("containers").get(0)
                .path("env")) {
            env.put(variable.path("name").asText(), variable);
        }
        return env;
    }

    @Test
    void theProdOverlayDoesNotRenderWithoutItsSecrets(@TempDir Path copy) throws Exception {
        RenderedManifests.copyTree(K8S, copy);
        try (Stream<Path> files = Files.list(copy.resolve("overlays/prod/secrets"))) {
            for (Path file : files.filter(p -> !p.toString().endsWith(".example")).toList()) {
                Files.delete(file);
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RenderedManifests.render(copy.resolve("overlays/prod")))
                .hasMessageContaining("secrets/");
    }

    /** The four public topics and their dead-letter topics, exactly, with the replication asked for. */
    private static void assertTopics(List<JsonNode> documents, int replicas, int minInsync) {
        List<JsonNode> topics = ofKind(documents, "KafkaTopic");
        Set<String> names = topics.stream().map(t -> t.path("spec").path("topicName").asText())
                .collect(Collectors.toSet());
        Set<String> expected = Topics.ALL.stream().flatMap(t -> Stream.of(t, t + Topics.DEAD_LETTER_SUFFIX))
                .collect(Collectors.toSet());
        assertThat(names).isEqualTo(expected);
        assertThat(topics).allSatisfy(t -> {
            assertThat(t.path("spec").path("replicas").asInt()).isEqualTo(replicas);
            assertThat(t.path("spec").path("config").path("min.insync.replicas").asInt()).isEqualTo(minInsync);
        });
    }

    private static List<JsonNode> ofKind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }
}

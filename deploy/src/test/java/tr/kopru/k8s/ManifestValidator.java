package tr.kopru.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks rendered manifests without a cluster: core resources against the Kubernetes API's own models (unknown and
 * missing required fields), the custom resources of Strimzi, CloudNativePG and the Prometheus operator for what
 * Köprü relies on, every Deployment for its probes, resources and image tag, and every Secret and ConfigMap a
 * workload or the database refers to for being declared. Answers every problem found, as "Kind/name: problem".
 */
final class ManifestValidator {

    /** A core kind and the check of its schema. */
    @FunctionalInterface
    private interface SchemaCheck {
        void validate(JsonElement element) throws IOException;
    }

    private static final Map<String, SchemaCheck> CORE = Map.of(
            "apps/v1/Deployment", V1Deployment::validateJsonElement,
            "v1/Service", V1Service::validateJsonElement,
            "v1/ServiceAccount", V1ServiceAccount::validateJsonElement,
            "v1/ConfigMap", V1ConfigMap::validateJsonElement,
            "v1/Secret", V1Secret::validateJsonElement,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy::validateJsonElement);

    private final List<String> problems = new ArrayList<>();
    private final DeclaredResources declared;

    private ManifestValidator(List<JsonNode> documents) {
        this.declared = new DeclaredResources(documents);
    }

    static List<String> check(List<JsonNode> documents) {
        ManifestValidator validator = new ManifestValidator(documents);
        documents.forEach(validator::checkDocument);
        return validator.problems;
    }

    private void checkDocument(JsonNode document) {
        String kind = document.path("kind").asText();
        String name = document.path("metadata").path("name").asText();
        String where = kind + "/" + name;
        if (kind.isEmpty() || name.isEmpty() || document.path("apiVersion").asText().isEmpty()) {
            problems.add(where + ": apiVersion, kind and metadata.name are required");
            return;
        }
        String type = document.path("apiVersion").asText() + "/" + kind;
        SchemaCheck schema = CORE.get(type);
        if (schema != null) {
            try {
                schema.validate(JsonParser.parseString(document.toString()));
            } catch (IOException | RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                int json = message.indexOf(" JSON:");
                problems.add(where + ": not a valid " + type + ": " + (json < 0 ? message : message.substring(0, json)));
            }
        }
        switch (type) {
            case "apps/v1/Deployment" -> new WorkloadChecks(where, document, declared, problems).check();
            case "kafka.strimzi.io/v1/KafkaTopic", "kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/v1/KafkaNodePool",
                 "kafka.strimzi.io/v1/KafkaUser",
                 "postgresql.cnpg.io/v1/Cluster", "monitoring.coreos.com/v1/ServiceMonitor",
                 "monitoring.coreos.com/v1/PrometheusRule" ->
                    new CustomResourceChecks(where, document, declared, problems).check();
            default -> {
                if (schema == null) {
                    problems.add(where + ": " + type + " is not a kind Köprü deploys");
                }
            }
        }
    }

    /** What a render declares, by kind and name, for references to be resolved against. */
    static final class DeclaredResources {

        private final Set<String> names = new HashSet<>();
        private final Map<String, JsonNode> secrets = new HashMap<>();
        private final List<JsonNode> networkPolicies = new ArrayList<>();
        private final Set<String> topicNames = new HashSet<>();
        /** Secrets operators make: Strimzi's per KafkaUser and per Kafka cluster CA, CloudNativePG's cluster CA. */
        private final Map<String, Set<String>> operatorSecrets = new HashMap<>();

        DeclaredResources(List<JsonNode> documents) {
            for (JsonNode document : documents) {
                String key = document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
                names.add(key);
                if (document.path("kind").asText().equals("Secret")) {
                    secrets.put(document.path("metadata").path("name").asText(), document);
                }
                if (document.path("kind").asText().equals("NetworkPolicy")) {
                    networkPolicies.add(document);
                }
                String name = document.path("metadata").path("name").asText();
                if (document.path("kind").asText().equals("KafkaUser")) {
                    operatorSecrets.put(name, Set.of("password", "sasl.jaas.config"));
                }
                if (document.path("kind").asText().equals("Cluster")) {
                    operatorSecrets.put(name + "-ca", Set.of("ca.crt", "ca.key"));
                }
                if (document.path("kind").asText().equals("Kafka")) {
                    operatorSecrets.put(name + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
                }
                if (document.path("kind").asText().equals("KafkaTopic")) {
                    topicNames.add(document.path("spec").path("topicName")
                            .asText(document.path("metadata").path("name").asText()));
                }
            }
        }

        /** The names of the topics the KafkaTopics declare (their topicName, else their own name). */
        Set<String> topicNames() {
            return topicNames;
        }

        boolean has(String kind, String name) {
            return names.contains(kind + "/" + name);
        }

        /** Whether Secret {@code name} is declared and holds {@code key} (null: any key). */
        boolean secretHas(String name, String key) {
            if (operatorSecrets.containsKey(name)) {
                return key == null || operatorSecrets.get(name).contains(key);
            }
            JsonNode secret = secrets.get(name);
            return secret != null && (key == null || secret.path("data").has(key) || secret.path("stringData").has(key));
        }

        /**
         * Whether a NetworkPolicy selects pods with {@code labels} (its matchLabels are among them) and governs both
         * their ingress and their egress.
         */
        boolean networkPolicyCovers(JsonNode labels) {
            return networkPolicies.stream().anyMatch(policy -> {
                JsonNode spec = policy.path("spec");
                boolean selects = spec.path("podSelector").path("matchLabels").size() > 0;
                for (var label : (Iterable<Map.Entry<String, JsonNode>>) () -> spec.path("podSelector")
                        .path("matchLabels").fields()) {
                    selects &= label.getValue().asText().equals(labels.path(label.getKey()).asText(null));
                }
                Set<String> types = new HashSet<>();
                spec.path("policyTypes").forEach(t -> types.add(t.asText()));
                return selects && types.containsAll(List.of("Ingress", "Egress"));
            });
        }

        String secretType(String name) {
            JsonNode secret = secrets.get(name);
            return secret == null ? null : secret.path("type").asText("Opaque");
        }
    }
}

package tr.kopru.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The parts of Strimzi, CloudNativePG and Prometheus operator resources that Köprü relies on: topics with
 * partitions, replicas and a min.insync.replicas the replicas can meet, on a declared cluster; a node pool with
 * roles and storage; database roles whose password Secrets are declared basic-auth Secrets; scrape endpoints.
 */
final class CustomResourceChecks {

    private final String where;
    private final JsonNode resource;
    private final ManifestValidator.DeclaredResources declared;
    private final List<String> problems;

    CustomResourceChecks(String where, JsonNode resource, ManifestValidator.DeclaredResources declared,
                         List<String> problems) {
        this.where = where;
        this.resource = resource;
        this.declared = declared;
        this.problems = problems;
    }

    void check() {
        JsonNode spec = resource.path("spec");
        switch (resource.path("kind").asText()) {
            case "KafkaTopic" -> {
                requirePositive(spec.path("partitions"), "spec.partitions");
                requirePositive(spec.path("replicas"), "spec.replicas");
                JsonNode minIsr = spec.path("config").path("min.insync.replicas");
                if (minIsr.canConvertToInt() && minIsr.asInt() > spec.path("replicas").asInt()) {
                    problems.add(where + ": min.insync.replicas " + minIsr.asInt() + " is more than its "
                            + spec.path("replicas").asInt() + " replicas: every write would fail");
                }
                requireCluster();
            }
            case "KafkaNodePool" -> {
                requirePositive(spec.path("replicas"), "spec.replicas");
                if (spec.path("roles").isEmpty() || spec.path("storage").path("type").asText().isEmpty()) {
                    problems.add(where + ": spec.roles and spec.storage.type are required");
                }
                requireCluster();
            }
            case "KafkaUser" -> {
                String authentication = spec.path("authentication").path("type").asText();
                if (!authentication.equals("scram-sha-512") && !authentication.equals("tls")) {
                    problems.add(where + ": spec.authentication.type must be scram-sha-512 or tls");
                }
                if (!"simple".equals(spec.path("authorization").path("type").asText())) {
                    problems.add(where + ": spec.authorization.type must be simple (ACLs)");
                }
                for (JsonNode acl : spec.path("authorization").path("acls")) {
                    JsonNode target = acl.path("resource");
                    if (acl.path("operations").isEmpty()) {
                        problems.add(where + ": an ACL on " + target + " grants no operation");
                    }
                    if ("topic".equals(target.path("type").asText())
                            && "literal".equals(target.path("patternType").asText("literal"))
                            && !declared.topicNames().contains(target.path("name").asText())) {
                        problems.add(where + ": an ACL names topic '" + target.path("name").asText()
                                + "', which no KafkaTopic declares");
                    }
                }
                requireCluster();
            }
            case "Kafka" -> {
                if (spec.path("kafka").path("listeners").isEmpty()) {
                    problems.add(where + ": spec.kafka.listeners is required");
                }
            }
            case "Cluster" -> {
                requirePositive(spec.path("instances"), "spec.instances");
                for (JsonNode role : spec.path("managed").path("roles")) {
                    String secret = role.path("passwordSecret").path("name").asText();
                    if (!"kubernetes.io/basic-auth".equals(declared.secretType(secret))
                            || !declared.secretHas(secret, "username") || !declared.secretHas(secret, "password")) {
                        problems.add(where + ": role " + role.path("name").asText() + " needs Secret '" + secret
                                + "' declared as kubernetes.io/basic-auth with username and password");
                    }
                }
            }
            case "ServiceMonitor" -> {
                if (spec.path("endpoints").isEmpty() || spec.path("selector").isMissingNode()) {
                    problems.add(where + ": spec.selector and spec.endpoints are required");
                }
            }
            case "PrometheusRule" -> {
                for (JsonNode group : spec.path("groups")) {
                    for (JsonNode rule : group.path("rules")) {
                        if (rule.path("expr").asText().isBlank()) {
                            problems.add(where + ": rule " + rule.path("alert").asText() + " has no expr");
                        }
                    }
                }
                if (spec.path("groups").isEmpty()) {
                    problems.add(where + ": spec.groups is required");
                }
            }
            default -> problems.add(where + ": unexpected custom resource");
        }
    }

    private void requirePositive(JsonNode value, String field) {
        if (!value.isInt() || value.asInt() < 1) {
            problems.add(where + ": " + field + " must be a whole number of at least 1");
        }
    }

    private void requireCluster() {
        String cluster = resource.path("metadata").path("labels").path("strimzi.io/cluster").asText();
        if (cluster.isEmpty() || !declared.has("Kafka", cluster)) {
            problems.add(where + ": label strimzi.io/cluster must name a declared Kafka (is '" + cluster + "')");
        }
    }
}

package tr.kopru.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ACLs a Strimzi {@code KafkaUser} grants, as Kafka's own bindings: what Strimzi's User Operator would create
 * for it, so that a test can apply the manifests' ACLs to a real broker.
 */
final class KafkaUserAcls {

    private KafkaUserAcls() {
    }

    static String userOf(JsonNode kafkaUser) {
        return kafkaUser.path("metadata").path("name").asText();
    }

    static List<AclBinding> of(JsonNode kafkaUser) {
        String principal = "User:" + userOf(kafkaUser);
        List<AclBinding> bindings = new ArrayList<>();
        for (JsonNode acl : kafkaUser.path("spec").path("authorization").path("acls")) {
            ResourcePattern pattern = pattern(acl.path("resource"));
            for (JsonNode operation : acl.path("operations")) {
                bindings.add(new AclBinding(pattern, new AccessControlEntry(principal, acl.path("host").asText("*"),
                        AclOperation.fromString(snakeCase(operation.asText())),
                        "deny".equalsIgnoreCase(acl.path("type").asText()) ? AclPermissionType.DENY
                                : AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    private static ResourcePattern pattern(JsonNode resource) {
        String type = resource.path("type").asText();
        return switch (type) {
            case "cluster" -> new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
            case "topic", "group", "transactionalId" -> new ResourcePattern(
                    type.equals("transactionalId") ? ResourceType.TRANSACTIONAL_ID
                            : ResourceType.fromString(type.toUpperCase(Locale.ROOT)),
                    resource.path("name").asText(),
                    "prefix".equals(resource.path("patternType").asText()) ? PatternType.PREFIXED
                            : PatternType.LITERAL);
            default -> throw new IllegalArgumentException("A KafkaUser ACL on an unknown resource type " + type);
        };
    }

    /** Strimzi writes {@code IdempotentWrite}; Kafka's enum is {@code IDEMPOTENT_WRITE}. */
    private static String snakeCase(String operation) {
        return operation.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}

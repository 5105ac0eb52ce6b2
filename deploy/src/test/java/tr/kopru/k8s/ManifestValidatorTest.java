package tr.kopru.k8s;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks catch a broken manifest: each fault below is reported, by resource. */
class ManifestValidatorTest {

    private static final String BROKEN = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: shop
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: shop
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: shop
              template:
                metadata:
                  labels:
                    app: shop
                spec:
                  serviceAccountName: shop
                  containers:
                    - name: shop
                      image: registry.example.com/shop:latest
                      imagePullPolicy: IfNotPresent
                      livenessProbe:
                        httpGet:
                          path: /q/health/live
                          port: 8080
                      readinessProbe:
                        httpGet:
                          path: /q/health/ready
                          port: 8080
                      resources:
                        limits:
                          memory: 512Mi
                      env:
                        - name: DB_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: shop-db
                              key: password
                      volumeMount:
                        - name: config
                          mountPath: /etc/shop
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: shop-ingress-only
            spec:
              podSelector:
                matchLabels:
                  app: shop
              policyTypes:
                - Ingress
            ---
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: orders
              labels:
                strimzi.io/cluster: kopru
            spec:
              partitions: 3
              replicas: 1
              config:
                min.insync.replicas: 2
            ---
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaUser
            metadata:
              name: shop
              labels:
                strimzi.io/cluster: kopru
            spec:
              authentication:
                type: scram-sha-256
              authorization:
                type: simple
                acls:
                  - resource:
                      type: topic
                      name: order
                      patternType: literal
                    operations: [Write]
                  - resource:
                      type: topic
                      name: orders
                      patternType: literal
                    operations: []
            """;

    @Test
    void everyFaultOfABrokenManifestIsReported() throws Exception {
        var problems = ManifestValidator.check(RenderedManifests.parse(BROKEN));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("Deployment/shop").contains("volumeMount")
                .contains("not defined"));
        assertThat(problems).contains(
                "Deployment/shop container shop: no startupProbe",
                "Deployment/shop container shop: no cpu in resources.requests",
                "Deployment/shop container shop: no memory in resources.requests",
                "Deployment/shop container shop: no cpu in resources.limits",
                "Deployment/shop container shop: image registry.example.com/shop:latest has no fixed tag (none, or latest)",
                "Deployment/shop container shop: env DB_PASSWORD refers to key password of Secret shop-db, which is not "
                        + "declared",
                "Deployment/shop: no PodDisruptionBudget of the same name",
                "Deployment/shop: no NetworkPolicy governs its pods' ingress and egress",
                "KafkaTopic/orders: min.insync.replicas 2 is more than its 1 replicas: every write would fail",
                "KafkaTopic/orders: label strimzi.io/cluster must name a declared Kafka (is 'kopru')",
                "KafkaUser/shop: spec.authentication.type must be scram-sha-512 or tls",
                "KafkaUser/shop: an ACL names topic 'order', which no KafkaTopic declares");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("KafkaUser/shop: an ACL on")
                .endsWith("grants no operation"));
        assertThat(problems).noneMatch(p -> p.contains("livenessProbe") || p.contains("readinessProbe"));
    }

    @Test
    void aSoundManifestHasNoProblems() throws Exception {
        String sound = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: shop-db
                type: kubernetes.io/basic-auth
                data:
                  username: c2hvcA==
                  password: bm90LWEtc2VjcmV0
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: shop
                spec:
                  maxUnavailable: 1
                  selector:
                    matchLabels:
                      app: shop
                """;
        assertThat(ManifestValidator.check(RenderedManifests.parse(sound))).isEmpty();
    }
}

package tr.kopru.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What every Deployment must have: liveness, readiness and startup probes, cpu and memory requests and limits, an
 * image with a tag that is not {@code latest}, a ServiceAccount, a PodDisruptionBudget, a NetworkPolicy governing
 * its pods' ingress and egress, and only Secrets and ConfigMaps that are declared.
 */
final class WorkloadChecks {

    private final String where;
    private final JsonNode deployment;
    private final ManifestValidator.DeclaredResources declared;
    private final List<String> problems;

    WorkloadChecks(String where, JsonNode deployment, ManifestValidator.DeclaredResources declared,
                   List<String> problems) {
        this.where = where;
        this.deployment = deployment;
        this.declared = declared;
        this.problems = problems;
    }

    void check() {
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        for (JsonNode container : pod.path("containers")) {
            String c = where + " container " + container.path("name").asText();
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                if (!container.has(probe)) {
                    problems.add(c + ": no " + probe);
                }
            }
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (container.path("resources").path(bound).path(resource).asText().isEmpty()) {
                        problems.add(c + ": no " + resource + " in resources." + bound);
                    }
                }
            }
            checkImage(c, container.path("image").asText());
            for (JsonNode env : container.path("env")) {
                JsonNode secretRef = env.path("valueFrom").path("secretKeyRef");
                if (!secretRef.isMissingNode() && !declared.secretHas(secretRef.path("name").asText(),
                        secretRef.path("key").asText())) {
                    problems.add(c + ": env " + env.path("name").asText() + " refers to key "
                            + secretRef.path("key").asText() + " of Secret " + secretRef.path("name").asText()
                            + ", which is not declared");
                }
            }
            for (JsonNode from : container.path("envFrom")) {
                requireSecret(c, from.path("secretRef").path("name"));
                requireConfigMap(c, from.path("configMapRef").path("name"));
            }
        }
        for (JsonNode volume : pod.path("volumes")) {
            requireSecret(where, volume.path("secret").path("secretName"));
            requireConfigMap(where, volume.path("configMap").path("name"));
        }
        String account = pod.path("serviceAccountName").asText();
        if (account.isEmpty() || !declared.has("ServiceAccount", account)) {
            problems.add(where + ": its ServiceAccount '" + account + "' is not declared");
        }
        if (!declared.has("PodDisruptionBudget", deployment.path("metadata").path("name").asText())) {
            problems.add(where + ": no PodDisruptionBudget of the same name");
        }
        if (!declared.networkPolicyCovers(deployment.path("spec").path("template").path("metadata").path("labels"))) {
            problems.add(where + ": no NetworkPolicy governs its pods' ingress and egress");
        }
    }

    private void checkImage(String c, String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.indexOf(':', slash + 1);
        if (image.isEmpty()) {
            problems.add(c + ": no image");
        } else if (!image.contains("@") && (colon < 0 || image.endsWith(":latest"))) {
            problems.add(c + ": image " + image + " has no fixed tag (none, or latest)");
        }
    }

    private void requireSecret(String where, JsonNode name) {
        if (!name.isMissingNode() && !declared.secretHas(name.asText(), null)) {
            problems.add(where + ": refers to Secret " + name.asText() + ", which is not declared");
        }
    }

    private void requireConfigMap(String where, JsonNode name) {
        if (!name.isMissingNode() && !declared.has("ConfigMap", name.asText())) {
            problems.add(where + ": refers to ConfigMap " + name.asText() + ", which is not declared");
        }
    }
}

package tr.kopru.runtime.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import tr.kopru.model.json.ContractJson;
import tr.kopru.model.security.ApiKeyHash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys of this deployment, read at start-up from the JSON file {@code kopru.api-keys.file} (in Kubernetes,
 * a mounted Secret). A file that cannot be read or holds a bad entry stops the service with a clear message.
 */
@ApplicationScoped
public class ApiKeyRegistry {

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class);

    private final List<ApiKey> keys;

    public ApiKeyRegistry(@ConfigProperty(name = "kopru.api-keys.file") Optional<String> file) {
        this.keys = file.map(Path::of).map(ApiKeyRegistry::load).orElseGet(List::of);
        if (keys.isEmpty()) {
            LOG.warn("No API keys configured (kopru.api-keys.file): every /api request will be refused");
        } else {
            LOG.infof("Loaded %d API key(s): %s", keys.size(), keys.stream().map(ApiKey::id).toList());
        }
    }

    /** The key whose hash matches {@code presented}; compares with every key in constant time. */
    public Optional<ApiKey> find(String presented) {
        byte[] hash = ApiKeyHash.sha256(presented);
        ApiKey match = null;
        for (ApiKey key : keys) {
            if (MessageDigest.isEqual(hash, key.sha256())) {
                match = key;
            }
        }
        return Optional.ofNullable(match);
    }

    public List<ApiKey> all() {
        return keys;
    }

    /** One entry of the keys file. */
    record Entry(
            String id,
            String owner,
            String sha256,
            Set<String> scopes,
            @JsonProperty("valid_from") Instant validFrom,
            @JsonProperty("valid_until") Instant validUntil,
            String status,
            @JsonProperty("allowed_ips") List<String> allowedIps) {

        ApiKey toKey() {
            require(id != null && !id.isBlank(), "an entry has no id");
            require(sha256 != null && sha256.matches("[0-9a-f]{64}"), "key " + id + ": sha256 must be 64 lower-case hex digits");
            require(validFrom != null && validUntil != null && validFrom.isBefore(validUntil),
                    "key " + id + ": valid_from must be before valid_until");
            require("active".equals(status) || "disabled".equals(status),
                    "key " + id + ": status must be active or disabled");
            return ApiKey.of(id, owner, sha256, scopes == null ? Set.of() : scopes, validFrom, validUntil,
                    "active".equals(status),
                    allowedIps == null ? List.of() : allowedIps.stream().map(IpRange::parse).toList());
        }
    }

    private static List<ApiKey> load(Path file) {
        try {
            List<Entry> entries = ContractJson.mapper().readerFor(new TypeReference<List<Entry>>() { })
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(Files.readAllBytes(file));
            List<ApiKey> loaded = entries.stream().map(Entry::toKey).toList();
            require(loaded.stream().map(ApiKey::id).distinct().count() == loaded.size(), "key ids must be unique");
            return loaded;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the API keys file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Bad API keys file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}

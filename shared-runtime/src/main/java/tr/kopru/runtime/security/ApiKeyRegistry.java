package tr.kopru.runtime.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import tr.kopru.model.json.ContractJson;
import tr.kopru.model.security.ApiKeyHash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The API keys of this deployment, from the JSON file {@code kopru.api-keys.file} (in Kubernetes, a mounted Secret,
 * which the kubelet replaces in place when the Secret changes). A file that cannot be read or holds a bad entry at
 * start-up stops the service with a clear message. The file is read again every {@code kopru.api-keys.reload-every}
 * (5 s): a key revoked (status disabled, or its entry removed) or added takes effect then, without a restart. A
 * changed file that is unreadable or bad keeps the keys in force and says so in the log until it is fixed.
 *
 * <p>A file rather than a table: keys are credentials that operations already manage as a Secret, with its audit
 * trail and rotation; a table would be a second place to keep them, writable by the service itself.
 */
@ApplicationScoped
public class ApiKeyRegistry {

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class);

    private final Optional<Path> file;
    private volatile List<ApiKey> keys;
    private volatile String contentHash;

    public ApiKeyRegistry(@ConfigProperty(name = "kopru.api-keys.file") Optional<String> file) {
        this.file = file.map(Path::of);
        byte[] content = this.file.map(ApiKeyRegistry::read).orElse(null);
        this.keys = content == null ? List.of() : parse(this.file.get(), content);
        this.contentHash = content == null ? null : ApiKeyHash.sha256Hex(new String(content, StandardCharsets.UTF_8));
        if (keys.isEmpty()) {
            LOG.warn("No API keys configured (kopru.api-keys.file): every /api request will be refused");
        } else {
            LOG.infof("Loaded %d API key(s): %s", keys.size(), keys.stream().map(ApiKey::id).toList());
        }
    }

    /** Reads the keys file again; a changed, sound file replaces the keys in force. */
    @Scheduled(every = "${kopru.api-keys.reload-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reloadIfChanged() {
        if (file.isEmpty()) {
            return;
        }
        try {
            byte[] content = read(file.get());
            String hash = ApiKeyHash.sha256Hex(new String(content, StandardCharsets.UTF_8));
            if (hash.equals(contentHash)) {
                return;
            }
            List<ApiKey> loaded = parse(file.get(), content);
            Set<String> before = ids(keys);
            Set<String> after = ids(loaded);
            keys = loaded;
            contentHash = hash;
            LOG.infof("API keys file changed: %d key(s) in force now (added %s, removed %s, disabled %s)",
                    loaded.size(), difference(after, before), difference(before, after),
                    loaded.stream().filter(k -> !k.active()).map(ApiKey::id).toList());
        } catch (IllegalStateException e) {
            LOG.errorf("API keys file changed but cannot be used; the %d key(s) read before stay in force: %s",
                    keys.size(), e.getMessage());
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

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the API keys file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<ApiKey> parse(Path file, byte[] content) {
        try {
            List<Entry> entries = ContractJson.mapper().readerFor(new TypeReference<List<Entry>>() { })
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(content);
            List<ApiKey> loaded = entries.stream().map(Entry::toKey).toList();
            require(loaded.stream().map(ApiKey::id).distinct().count() == loaded.size(), "key ids must be unique");
            return loaded;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the API keys file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Bad API keys file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> ids(List<ApiKey> keys) {
        return keys.stream().map(ApiKey::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> difference(Set<String> from, Set<String> without) {
        return from.stream().filter(id -> !without.contains(id)).toList();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}

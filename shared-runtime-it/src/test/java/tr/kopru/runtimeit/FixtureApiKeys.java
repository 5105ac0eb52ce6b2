package tr.kopru.runtimeit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import tr.kopru.model.security.ApiKeyHash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Writes a keys file with one key for every case the API-key filter must tell apart, relative to now. */
public class FixtureApiKeys implements QuarkusTestResourceLifecycleManager {

    static final String WRITER = "test-key-writer-not-a-secret";
    static final String READER = "test-key-reader-not-a-secret";
    static final String DISABLED = "test-key-disabled-not-a-secret";
    static final String EXPIRED = "test-key-expired-not-a-secret";
    static final String NOT_YET_VALID = "test-key-future-not-a-secret";
    static final String OTHER_NETWORK = "test-key-other-network-not-a-secret";
    static final String EXPIRING = "test-key-expiring-not-a-secret";
    static final String REVOCABLE = "test-key-revocable-not-a-secret";
    static final String ADDED_LATER = "test-key-added-later-not-a-secret";

    /** The keys file the application reads, and what this resource wrote to it. */
    static Path file;
    static String written;

    @Override
    public Map<String, String> start() {
        Instant now = Instant.now();
        String lastYear = now.minus(Duration.ofDays(365)).toString();
        String nextYear = now.plus(Duration.ofDays(365)).toString();
        String json = "[" + String.join(",",
                entry("writer", WRITER, "[\"fixtures:read\",\"fixtures:write\"]", lastYear, nextYear, "active", "[]"),
                entry("reader", READER, "[\"fixtures:read\"]", lastYear, nextYear, "active", "[\"127.0.0.0/8\",\"::1\"]"),
                entry("disabled", DISABLED, "[\"fixtures:read\"]", lastYear, nextYear, "disabled", "[]"),
                entry("expired", EXPIRED, "[\"fixtures:read\"]", lastYear, now.minus(Duration.ofDays(1)).toString(),
                        "active", "[]"),
                entry("future", NOT_YET_VALID, "[\"fixtures:read\"]", now.plus(Duration.ofDays(1)).toString(),
                        nextYear, "active", "[]"),
                entry("other-network", OTHER_NETWORK, "[\"fixtures:read\"]", lastYear, nextYear, "active",
                        "[\"10.20.0.0/16\"]"),
                entry("expiring", EXPIRING, "[\"fixtures:read\"]", lastYear, now.plus(Duration.ofDays(10)).toString(),
                        "active", "[]"),
                entry("revocable", REVOCABLE, "[\"fixtures:read\"]", lastYear, nextYear, "active", "[]")) + "]";
        try {
            file = Files.createTempFile("kopru-api-keys", ".json");
            written = json;
            Files.writeString(file, json);
            return Map.of("kopru.api-keys.file", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }

    /** A keys file as an operator edits it: the revocable key disabled, one key added. */
    static String withRevocableDisabledAndOneAdded() {
        Instant now = Instant.now();
        return written.replace("\"status\":\"active\",\"allowed_ips\":[]}]", "\"status\":\"disabled\",\"allowed_ips\":[]},"
                + entry("added-later", ADDED_LATER, "[\"fixtures:read\"]", now.minus(Duration.ofDays(1)).toString(),
                now.plus(Duration.ofDays(30)).toString(), "active", "[]") + "]");
    }

    static String entry(String id, String key, String scopes, String from, String until, String status,
                                String ips) {
        return """
                {"id":"%s","owner":"Test Entegratör A.Ş.","sha256":"%s","scopes":%s,"valid_from":"%s",\
                "valid_until":"%s","status":"%s","allowed_ips":%s}""".formatted(id, ApiKeyHash.sha256Hex(key), scopes,
                from, until, status, ips);
    }
}

package tr.kopru.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tr.kopru.model.json.ContractJson;
import tr.kopru.model.security.ApiKeyHash;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code ./kopru api-key OWNER [SCOPE ...]}: makes a new random API key and prints it once, with the entry (its
 * SHA-256, never the key) to add to a deployment's API keys file. {@code ./kopru api-key --revoke ID [FILE]} disables
 * the key ID in the keys file (the local run's by default); the services stop accepting it within
 * {@code kopru.api-keys.reload-every} (5 s), without a restart.
 */
public final class ApiKeyCommand {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyCommand() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--revoke")) {
            if (args.length < 2 || args.length > 3) {
                System.err.println("usage: ./kopru api-key --revoke ID [FILE]");
                System.exit(2);
            }
            Path file = args.length == 3 ? Path.of(args[2]) : LocalSettings.apiKeysFile();
            System.exit(revoke(file, args[1], System.out, System.err));
        }
        if (args.length == 0) {
            System.err.println("usage: ./kopru api-key OWNER [SCOPE ...]   e.g. ./kopru api-key \"Acme Lojistik\" "
                    + "collections:read collections:write");
            System.exit(2);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "kpr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> scopes = Arrays.asList(args).subList(1, args.length);
        String id = "key-" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "") + "-"
                + Integer.toHexString(RANDOM.nextInt(0x10000));
        System.out.println("API key (hand it to the client now; only its hash is kept):");
        System.out.println("  " + key);
        System.out.println();
        System.out.println("Entry for the API keys file (kopru.api-keys.file); adjust scopes, dates and allowed_ips:");
        System.out.printf("""
                  {"id": "%s", "owner": "%s", "sha256": "%s",
                   "scopes": [%s],
                   "valid_from": "%s", "valid_until": "%s", "status": "active", "allowed_ips": []}
                """, id, args[0].replace("\"", "'"), ApiKeyHash.sha256Hex(key),
                scopes.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ")),
                now, now.plus(Duration.ofDays(365)));
    }

    /** Sets the entry {@code id} of the keys file to disabled; answers the exit code (2 for an unknown id). */
    static int revoke(Path file, String id, PrintStream out, PrintStream err) {
        try {
            JsonNode entries = ContractJson.mapper().readTree(Files.readString(file));
            for (JsonNode entry : entries) {
                if (id.equals(entry.path("id").asText())) {
                    ((ObjectNode) entry).put("status", "disabled");
                    Files.writeString(file, ContractJson.mapper().writerWithDefaultPrettyPrinter()
                            .writeValueAsString(entries) + System.lineSeparator());
                    out.println("API key " + id + " is disabled in " + file + "; the services refuse it within "
                            + "kopru.api-keys.reload-every (5 s), no restart needed. In Kubernetes, change the Secret "
                            + "the same way.");
                    return 0;
                }
            }
            err.println("No API key " + id + " in " + file);
            return 2;
        } catch (IOException e) {
            err.println("Cannot revoke: " + e.getMessage());
            return 1;
        }
    }
}

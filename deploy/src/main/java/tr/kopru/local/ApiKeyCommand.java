package tr.kopru.local;

import tr.kopru.model.security.ApiKeyHash;

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
 * SHA-256, never the key) to add to a deployment's API keys file.
 */
public final class ApiKeyCommand {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyCommand() {
    }

    public static void main(String[] args) {
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
}

package tr.kopru.runtime.security;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * One client's API key as a deployment configures it (UETS model): who owns it, the SHA-256 of the key (never the
 * key), its scopes, its validity window, whether it is active, and optionally the client addresses it may come from.
 */
public record ApiKey(
        String id,
        String owner,
        byte[] sha256,
        Set<String> scopes,
        Instant validFrom,
        Instant validUntil,
        boolean active,
        List<IpRange> allowedIps) {

    public static ApiKey of(String id, String owner, String sha256Hex, Set<String> scopes, Instant validFrom,
                            Instant validUntil, boolean active, List<IpRange> allowedIps) {
        return new ApiKey(id, owner, HexFormat.of().parseHex(sha256Hex), Set.copyOf(scopes), validFrom, validUntil,
                active, List.copyOf(allowedIps));
    }

    public boolean allowsIp(String ip) {
        return allowedIps.isEmpty() || allowedIps.stream().anyMatch(range -> range.contains(ip));
    }
}

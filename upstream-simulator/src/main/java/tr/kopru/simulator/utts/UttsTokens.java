package tr.kopru.simulator.utts;

import com.fasterxml.jackson.databind.JsonNode;
import tr.kopru.simulator.Json;
import tr.kopru.simulator.SimulatorClock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Real HS256-signed JWTs that expire, as UTTS issues them. */
public final class UttsTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
    private final SimulatorClock clock;

    public UttsTokens(SimulatorClock clock) {
        this.clock = clock;
    }

    public String issue(UttsAccount account, long expiresInSeconds, String use) {
        long now = clock.now().getEpochSecond();
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = encode(Json.write(Json.object()
                .put("sub", account.email())
                .put("account", account.index())
                .put("company", account.companyName())
                .put("use", use)
                .put("jti", UUID.randomUUID().toString())
                .put("iat", now)
                .put("exp", now + expiresInSeconds)));
        return header + "." + payload + "." + sign(header + "." + payload);
    }

    /** The account index of a valid, unexpired access token. */
    public Optional<Integer> verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        byte[] expected = sign(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        JsonNode claims = Json.parse(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8));
        if (claims == null || !"access".equals(claims.path("use").asText())
                || claims.path("exp").asLong() <= clock.now().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(claims.path("account").asInt());
    }

    private String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

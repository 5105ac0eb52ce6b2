package tr.kopru.console.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import tr.kopru.console.ConsoleConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The session cookie: the session's fields and an HMAC-SHA256 of them under {@code kopru.console.session-key}, so any
 * replica reads it and nobody forges one. HttpOnly, SameSite=Strict, Secure outside a local run. Each session has a
 * nonce; its forms carry the CSRF token derived from it ({@link #csrfToken}).
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "kopru_console";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final ConsoleConfig config;
    private final Clock clock;
    private final byte[] key;

    public SessionCookie(ConsoleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        if (config.sessionKey().length() < 32) {
            throw new IllegalStateException("kopru.console.session-key (KOPRU_CONSOLE_SESSION_KEY) must be at least "
                    + "32 characters");
        }
        this.key = config.sessionKey().getBytes(StandardCharsets.UTF_8);
    }

    /** A new session for {@code operator}, and the cookie that carries it. */
    public NewCookie open(Operator operator) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Session session = new Session(operator.username(), operator.displayName(), operator.role(),
                clock.instant().plus(config.sessionLength()), HexFormat.of().formatHex(nonce));
        String fields = String.join("|", session.username(), session.role().name(),
                Long.toString(session.expiresAt().getEpochSecond()), session.nonce());
        String value = ENCODE.encodeToString(fields.getBytes(StandardCharsets.UTF_8)) + "." + sign(fields);
        return cookie(value, (int) config.sessionLength().toSeconds());
    }

    /** The cookie that ends the session in the browser. */
    public NewCookie close() {
        return cookie("", 0);
    }

    /**
     * The session a cookie value carries, when its signature holds and it has not expired; the display name and role
     * are taken from {@code directory} as it now is, so that a removed operator's session ends at once.
     */
    public Optional<Session> read(String value, OperatorDirectory directory) {
        if (value == null || !value.contains(".")) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", 2);
        String fields;
        try {
            fields = new String(DECODE.decode(parts[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(fields).getBytes(StandardCharsets.UTF_8),
                parts[1].getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        String[] f = fields.split("\\|");
        if (f.length != 4) {
            return Optional.empty();
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(f[2]));
        if (!clock.instant().isBefore(expires)) {
            return Optional.empty();
        }
        return directory.find(f[0]).filter(o -> o.role().name().equals(f[1]))
                .map(o -> new Session(o.username(), o.displayName(), o.role(), expires, f[3]));
    }

    /** The CSRF token of a session's forms. */
    public String csrfToken(Session session) {
        return sign("csrf|" + session.nonce());
    }

    private NewCookie cookie(String value, int maxAge) {
        return Cookies.strict(NAME, value, "/", maxAge, config.secureCookie());
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return ENCODE.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}

package tr.kopru.console.auth;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Operators' passwords as PBKDF2-HMAC-SHA256 hashes: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64), so
 * the operators file never holds a password. Checking takes the same time whether the password is right or not.
 */
public final class PasswordHash {

    private static final String PREFIX = "pbkdf2-sha256";
    private static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** A new hash of {@code password}, with a random salt. */
    public static String of(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + "$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Whether {@code password} is the one {@code hash} was made of; false for a malformed hash. */
    public static boolean matches(String password, String hash) {
        String[] parts = hash == null ? new String[0] : hash.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] expected = base64.decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, base64.decode(parts[2]), iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        }
    }
}

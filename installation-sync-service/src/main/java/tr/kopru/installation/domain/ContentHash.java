package tr.kopru.installation.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * SHA-256 over field names and values, in order; null and empty are told apart. The bytes hashed are, per field,
 * {@code name NUL "=" value NUL}, or {@code name NUL 0x01 NUL} for a null value: stored fingerprints depend on it.
 */
final class ContentHash {

    private static final HexFormat HEX = HexFormat.of();

    private ContentHash() {
    }

    static String of(Map<String, Object> content) {
        StringBuilder text = new StringBuilder(512);
        content.forEach((field, value) -> {
            text.append(field).append('\0');
            if (value == null) {
                text.append('\u0001');
            } else {
                text.append('=').append(value);
            }
            text.append('\0');
        });
        return HEX.formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package tr.kopru.installation.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** SHA-256 over field names and values, in order; null and empty are told apart. */
final class ContentHash {

    private ContentHash() {
    }

    static String of(Map<String, Object> content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            content.forEach((field, value) -> {
                digest.update(field.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(value == null ? new byte[] {1} : ("=" + value).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

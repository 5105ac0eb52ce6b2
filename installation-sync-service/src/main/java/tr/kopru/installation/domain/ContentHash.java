package tr.kopru.installation.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over field names and values, in order; null and empty are told apart. The bytes hashed are, per field,
 * {@code name NUL "=" value NUL}, or {@code name NUL 0x01 NUL} for a null value, all in UTF-8: stored fingerprints
 * depend on it.
 *
 * <p>A sync fingerprints every record it reads, so the bytes go straight into the digest through one reused buffer
 * per thread, never through a text of the whole content.
 */
final class ContentHash {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NULL_VALUE = {0, 1, 0};
    private static final ThreadLocal<ContentHash> PER_THREAD = ThreadLocal.withInitial(ContentHash::new);

    private final MessageDigest digest = sha256();
    private byte[] buffer = new byte[256];

    private ContentHash() {
    }

    /** A hash with no fields yet; use it on this thread only, and finish it with {@link #hex()}. */
    static ContentHash start() {
        ContentHash hash = PER_THREAD.get();
        hash.digest.reset();
        return hash;
    }

    ContentHash field(String name, Object value) {
        update(name);
        if (value == null) {
            digest.update(NULL_VALUE);
        } else {
            digest.update((byte) 0);
            digest.update((byte) '=');
            update(value.toString());
            digest.update((byte) 0);
        }
        return this;
    }

    String hex() {
        return HEX.formatHex(digest.digest());
    }

    /** The text's UTF-8 bytes, as {@link String#getBytes} would give them (an unpaired surrogate becomes '?'). */
    private void update(String text) {
        int length = text.length();
        if (buffer.length < length * 3) {
            buffer = new byte[length * 3];
        }
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                buffer[n++] = (byte) c;
            } else if (c < 0x800) {
                buffer[n++] = (byte) (0xC0 | c >> 6);
                buffer[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                int codePoint = Character.codePointAt(text, i);
                if (Character.isSupplementaryCodePoint(codePoint)) {
                    buffer[n++] = (byte) (0xF0 | codePoint >> 18);
                    buffer[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                    buffer[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                    buffer[n++] = (byte) (0x80 | codePoint & 0x3F);
                    i++;
                } else {
                    buffer[n++] = '?';
                }
            } else {
                buffer[n++] = (byte) (0xE0 | c >> 12);
                buffer[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        digest.update(buffer, 0, n);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package tr.kopru.installation.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * SHA-256 over field names and values, in order; null and empty are told apart. The bytes hashed are, per field,
 * {@code name NUL "=" value NUL}, or {@code name NUL 0x01 NUL} for a null value, all in UTF-8: stored fingerprints
 * depend on it.
 *
 * <p>A sync fingerprints every record it reads: the bytes are gathered in one reused buffer per thread and digested
 * in one call, never through a text of the whole content.
 */
final class ContentHash {

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<ContentHash> PER_THREAD = ThreadLocal.withInitial(ContentHash::new);

    private final MessageDigest digest = sha256();
    private byte[] buffer = new byte[1024];
    private int length;

    private ContentHash() {
    }

    /** A hash with no fields yet; use it on this thread only, and finish it with {@link #hex()}. */
    static ContentHash start() {
        ContentHash hash = PER_THREAD.get();
        hash.length = 0;
        return hash;
    }

    ContentHash field(String name, Object value) {
        append(name);
        if (value == null) {
            room(3);
            buffer[length++] = 0;
            buffer[length++] = 1;
            buffer[length++] = 0;
        } else {
            room(2);
            buffer[length++] = 0;
            buffer[length++] = '=';
            append(value.toString());
            room(1);
            buffer[length++] = 0;
        }
        return this;
    }

    String hex() {
        digest.update(buffer, 0, length);
        return HEX.formatHex(digest.digest());
    }

    private void room(int bytes) {
        if (buffer.length - length < bytes) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
        }
    }

    /** The text's UTF-8 bytes, as {@link String#getBytes} would give them (an unpaired surrogate becomes '?'). */
    private void append(String text) {
        int chars = text.length();
        room(chars * 3);
        byte[] out = buffer;
        int n = length;
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                int codePoint = Character.codePointAt(text, i);
                if (Character.isSupplementaryCodePoint(codePoint)) {
                    out[n++] = (byte) (0xF0 | codePoint >> 18);
                    out[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                    out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                    out[n++] = (byte) (0x80 | codePoint & 0x3F);
                    i++;
                } else {
                    out[n++] = '?';
                }
            } else {
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        length = n;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

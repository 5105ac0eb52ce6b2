package tr.kopru.installation.domain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {

    @Test
    void hashesNamesAndValuesInTheStoredFormat() throws Exception {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "Aktif");
        content.put("owner.name", null);
        content.put("status_id", 5);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("status\0=Aktif\0".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(new byte[] {'o', 'w', 'n', 'e', 'r', '.', 'n', 'a', 'm', 'e', 0, 1, 0});
        expected.writeBytes("status_id\0=5\0".getBytes(StandardCharsets.UTF_8));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected.toByteArray()));

        assertThat(ContentHash.of(content)).isEqualTo(sha);
    }

    @Test
    void tellsNullFromEmptyAndIsOrderSensitive() {
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("owner.name", "");
        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("owner.name", null);
        assertThat(ContentHash.of(empty)).isNotEqualTo(ContentHash.of(missing));

        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        assertThat(ContentHash.of(ab)).isNotEqualTo(ContentHash.of(ba));
    }
}

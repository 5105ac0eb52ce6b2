package tr.kopru.installation.domain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {

    @Test
    void hashesNamesAndValuesInTheStoredFormat() throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("status\0=Aktif\0".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(new byte[] {'o', 'w', 'n', 'e', 'r', '.', 'n', 'a', 'm', 'e', 0, 1, 0});
        expected.writeBytes("status_id\0=5\0".getBytes(StandardCharsets.UTF_8));

        String hash = ContentHash.start().field("status", "Aktif").field("owner.name", null).field("status_id", 5)
                .hex();

        assertThat(hash).isEqualTo(sha256(expected.toByteArray()));
    }

    @Test
    void hashesTurkishLettersSymbolsAndSurrogatesAsTheirUtf8Bytes() throws Exception {
        String value = "Çağrı Öztürk İŞ € 𝄞 ş\uD800x";
        String hash = ContentHash.start().field("owner.name", value).hex();

        byte[] expected = ("owner.name\0=" + value + "\0").getBytes(StandardCharsets.UTF_8);
        assertThat(hash).isEqualTo(sha256(expected));
    }

    @Test
    void tellsNullFromEmptyAndIsOrderSensitive() {
        assertThat(ContentHash.start().field("owner.name", "").hex())
                .isNotEqualTo(ContentHash.start().field("owner.name", null).hex());
        assertThat(ContentHash.start().field("a", "1").field("b", "2").hex())
                .isNotEqualTo(ContentHash.start().field("b", "2").field("a", "1").hex());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

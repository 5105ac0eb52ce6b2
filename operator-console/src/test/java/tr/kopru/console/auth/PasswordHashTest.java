package tr.kopru.console.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashTest {

    @Test
    void aHashMatchesItsPasswordOnlyAndNeverHoldsIt() {
        String hash = PasswordHash.of("doğru-parola");
        assertThat(hash).startsWith("pbkdf2-sha256$210000$").doesNotContain("doğru-parola");
        assertThat(PasswordHash.matches("doğru-parola", hash)).isTrue();
        assertThat(PasswordHash.matches("yanlış-parola", hash)).isFalse();
        assertThat(PasswordHash.of("doğru-parola")).as("a new salt each time").isNotEqualTo(hash);
    }

    @Test
    void aMalformedHashMatchesNothing() {
        assertThat(PasswordHash.matches("x", null)).isFalse();
        assertThat(PasswordHash.matches("x", "plain-text")).isFalse();
        assertThat(PasswordHash.matches("x", "pbkdf2-sha256$many$AA==$AA==")).isFalse();
        assertThat(PasswordHash.matches("x", "pbkdf2-sha256$1000$%%%$AA==")).isFalse();
    }
}

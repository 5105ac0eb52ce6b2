package tr.kopru.console.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInTargetTest {

    @Test
    void afterSigningInTheBrowserGoesOnlyToAPageOfTheConsole() {
        assertThat(SignInResource.safe("/mutabakat/12?kayit=20")).isEqualTo("/mutabakat/12?kayit=20");
        assertThat(SignInResource.safe(null)).isEqualTo("/");
        assertThat(SignInResource.safe("https://evil.example")).isEqualTo("/");
        assertThat(SignInResource.safe("//evil.example/x")).isEqualTo("/");
        assertThat(SignInResource.safe("/\\evil.example")).isEqualTo("/");
        assertThat(SignInResource.safe("/giris?sonra=/")).isEqualTo("/");
    }
}

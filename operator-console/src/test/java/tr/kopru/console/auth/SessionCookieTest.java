package tr.kopru.console.auth;

import jakarta.ws.rs.core.NewCookie;
import org.junit.jupiter.api.Test;
import tr.kopru.console.ConsoleConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionCookieTest {

    private static final Instant NOW = Instant.parse("2026-12-08T09:00:00Z");
    private static final Operator AYSE = new Operator("ayse", "Ayşe K.", Role.OPERATOR, "unused");

    private final List<Operator> operators = new ArrayList<>(List.of(AYSE));
    private final OperatorDirectory directory = new OperatorDirectory(null, null) {
        @Override
        public Optional<Operator> find(String username) {
            return operators.stream().filter(o -> o.username().equals(username)).findFirst();
        }
    };

    @Test
    void aSessionReadsBackUntilItExpires() {
        String value = cookies(NOW).open(AYSE).getValue();

        Session session = cookies(NOW.plusSeconds(3600)).read(value, directory).orElseThrow();
        assertThat(session.username()).isEqualTo("ayse");
        assertThat(session.displayName()).isEqualTo("Ayşe K.");
        assertThat(session.role()).isEqualTo(Role.OPERATOR);
        assertThat(cookies(NOW.plus(Duration.ofHours(8))).read(value, directory)).isEmpty();
    }

    @Test
    void aTamperedOrForeignCookieIsNoSession() {
        String value = cookies(NOW).open(AYSE).getValue();
        String asViewer = value.replace(value.substring(0, value.indexOf('.')),
                Base64.getUrlEncoder().withoutPadding().encodeToString("ayse|VIEWER|9999999999|00"
                        .getBytes()));
        assertThat(cookies(NOW).read(asViewer, directory)).isEmpty();
        assertThat(cookies(NOW).read(value.substring(0, value.length() - 2) + "xx", directory)).isEmpty();
        assertThat(cookies(NOW).read("garbage", directory)).isEmpty();
        assertThat(cookies(NOW).read("%%%.%%%", directory)).isEmpty();
        assertThat(new SessionCookie(config("another-key-of-at-least-32-characters!"), clock(NOW))
                .read(value, directory)).as("signed with another key").isEmpty();
    }

    @Test
    void anOperatorRemovedOrGivenAnotherRoleLosesTheSessionAtOnce() {
        String value = cookies(NOW).open(AYSE).getValue();
        operators.set(0, new Operator("ayse", "Ayşe K.", Role.VIEWER, "unused"));
        assertThat(cookies(NOW).read(value, directory)).isEmpty();
        operators.clear();
        assertThat(cookies(NOW).read(value, directory)).isEmpty();
    }

    @Test
    void eachSessionHasItsOwnCsrfTokenAndTheCookieIsHttpOnlyAndStrict() {
        SessionCookie cookies = cookies(NOW);
        var cookie = cookies.open(AYSE);
        Session one = cookies.read(cookie.getValue(), directory).orElseThrow();
        Session two = cookies.read(cookies.open(AYSE).getValue(), directory).orElseThrow();
        assertThat(cookies.csrfToken(one)).isNotEqualTo(cookies.csrfToken(two)).isNotEqualTo(one.nonce());
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
    }

    @Test
    void aShortSessionKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new SessionCookie(config("short"), clock(NOW)))
                .hasMessageContaining("at least 32 characters");
    }

    private static SessionCookie cookies(Instant now) {
        return new SessionCookie(config("a-session-key-for-tests-only-not-secret"), clock(now));
    }

    private static Clock clock(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private static ConsoleConfig config(String key) {
        return new ConsoleConfig() {
            public Map<String, String> services() {
                return Map.of();
            }

            public Duration callTimeout() {
                return Duration.ofSeconds(1);
            }

            public String apiKey() {
                return "";
            }

            public Path operatorsFile() {
                return Path.of("none");
            }

            public String sessionKey() {
                return key;
            }

            public Duration sessionLength() {
                return Duration.ofHours(8);
            }

            public boolean secureCookie() {
                return true;
            }
        };
    }
}

package tr.kopru.runtime.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallerAddressTest {

    private final CallerAddress behindIngress = new CallerAddress(List.of(IpRange.parse("10.0.0.0/24")));
    private final CallerAddress direct = new CallerAddress(List.of());

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(direct.of("198.51.100.1", "10.20.3.4")).isEqualTo("198.51.100.1");
    }

    @Test
    void aPeerThatIsNotATrustedProxyCannotChooseItsAddress() {
        assertThat(behindIngress.of("198.51.100.1", "10.20.3.4")).isEqualTo("198.51.100.1");
    }

    @Test
    void behindATrustedProxyTheCallerIsTheLastUntrustedHop() {
        assertThat(behindIngress.of("10.0.0.7", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(behindIngress.of("10.0.0.7", "10.20.3.4, 203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(behindIngress.of("10.0.0.7", "203.0.113.5, 10.0.0.9")).isEqualTo("203.0.113.5");
        assertThat(behindIngress.of("10.0.0.7", null)).isEqualTo("10.0.0.7");
        assertThat(behindIngress.of("10.0.0.7", "10.0.0.8, 10.0.0.9")).isEqualTo("10.0.0.8");
    }
}

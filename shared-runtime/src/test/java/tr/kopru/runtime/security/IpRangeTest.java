package tr.kopru.runtime.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpRangeTest {

    @Test
    void matchesAddressesInsideAnIpv4Block() {
        IpRange range = IpRange.parse("10.20.0.0/16");
        assertThat(range.contains("10.20.255.1")).isTrue();
        assertThat(range.contains("10.21.0.1")).isFalse();
        assertThat(IpRange.parse("192.168.1.128/25").contains("192.168.1.127")).isFalse();
        assertThat(IpRange.parse("192.168.1.128/25").contains("192.168.1.200")).isTrue();
    }

    @Test
    void aBareAddressIsABlockOfOneAndFamiliesDoNotMix() {
        assertThat(IpRange.parse("::1").contains("::1")).isTrue();
        assertThat(IpRange.parse("::1").contains("127.0.0.1")).isFalse();
        assertThat(IpRange.parse("127.0.0.1").contains("127.0.0.2")).isFalse();
    }

    @Test
    void refusesHostNamesAndBadPrefixes() {
        assertThatThrownBy(() -> IpRange.parse("example.com/24")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThat(IpRange.parse("10.0.0.0/8").contains("not-an-ip")).isFalse();
    }
}

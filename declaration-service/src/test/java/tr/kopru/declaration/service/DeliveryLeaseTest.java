package tr.kopru.declaration.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryLeaseTest {

    @Test
    void aLeaseShorterThanTwiceTheLongestCallIsRefusedNamingBothSettings() {
        // the old default: 2 minutes, against calls of up to 12 s, passes; 20 s does not
        assertThatCode(() -> DeliveryWorker.checkLease(Duration.ofMinutes(2), Duration.ofSeconds(12)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DeliveryWorker.checkLease(Duration.ofSeconds(20), Duration.ofSeconds(12)))
                .hasMessageContaining("kopru.declaration.delivery.lease")
                .hasMessageContaining("kopru.customs.connect-timeout + read-timeout (PT12S)");
    }
}

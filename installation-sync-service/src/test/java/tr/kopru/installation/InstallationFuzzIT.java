package tr.kopru.installation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import tr.kopru.testsupport.fuzz.FuzzProfile;
import tr.kopru.testsupport.fuzz.FuzzReport;
import tr.kopru.testsupport.fuzz.OpenApiFuzz;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and valid requests to every operation of the installation API, planned from its own OpenAPI document. */
@QuarkusTest
@TestProfile(FuzzProfile.class)
class InstallationFuzzIT {

    @Test
    void noRequestIsAnswered5xxOrOutsideTheEnvelopeOrWithAnUndocumentedStatus() {
        FuzzReport report = OpenApiFuzz.againstServiceUnderTest("installation-test-key-not-secret", 20261204L).run(300);
        System.out.println("Installation fuzz: " + report.summary());
        assertThat(report.requests()).isGreaterThanOrEqualTo(300);
        assertThat(report.failures()).isEmpty();
    }
}

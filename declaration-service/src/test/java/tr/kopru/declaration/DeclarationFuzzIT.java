package tr.kopru.declaration;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import tr.kopru.testsupport.fuzz.FuzzProfile;
import tr.kopru.testsupport.fuzz.FuzzReport;
import tr.kopru.testsupport.fuzz.OpenApiFuzz;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and valid requests to every operation of the declaration API, planned from its own OpenAPI document. */
@QuarkusTest
@TestProfile(FuzzProfile.class)
class DeclarationFuzzIT {

    @Test
    void noRequestIsAnswered5xxOrOutsideTheEnvelopeOrWithAnUndocumentedStatus() {
        FuzzReport report = OpenApiFuzz.againstServiceUnderTest("declaration-test-key-not-secret", 20261204L).run(300);
        System.out.println("Declaration fuzz: " + report.summary());
        assertThat(report.requests()).isGreaterThanOrEqualTo(300);
        assertThat(report.failures()).isEmpty();
    }
}

package tr.kopru.reconciliation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import tr.kopru.testsupport.fuzz.FuzzProfile;
import tr.kopru.testsupport.fuzz.ServiceFuzzTest;

/** Hostile and valid requests to every operation of the reconciliation API, planned from its own OpenAPI document. */
@QuarkusTest
@TestProfile(FuzzProfile.class)
class ReconciliationFuzzIT extends ServiceFuzzTest {

    ReconciliationFuzzIT() {
        super("reconciliation-test-key-not-secret");
    }
}

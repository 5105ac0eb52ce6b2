package tr.kopru.installation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import tr.kopru.testsupport.fuzz.FuzzProfile;
import tr.kopru.testsupport.fuzz.ServiceFuzzTest;

/** Hostile and valid requests to every operation of the installation API, planned from its own OpenAPI document. */
@QuarkusTest
@TestProfile(FuzzProfile.class)
class InstallationFuzzIT extends ServiceFuzzTest {

    InstallationFuzzIT() {
        super("installation-test-key-not-secret");
    }
}

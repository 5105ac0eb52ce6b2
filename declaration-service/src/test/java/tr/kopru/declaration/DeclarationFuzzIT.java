package tr.kopru.declaration;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import tr.kopru.testsupport.fuzz.FuzzProfile;
import tr.kopru.testsupport.fuzz.ServiceFuzzTest;

/** Hostile and valid requests to every operation of the declaration API, planned from its own OpenAPI document. */
@QuarkusTest
@TestProfile(FuzzProfile.class)
class DeclarationFuzzIT extends ServiceFuzzTest {

    DeclarationFuzzIT() {
        super("declaration-test-key-not-secret");
    }
}

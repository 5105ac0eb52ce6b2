package tr.kopru.collection;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import tr.kopru.testsupport.fuzz.FuzzProfile;
import tr.kopru.testsupport.fuzz.ServiceFuzzTest;

/** Hostile and valid requests to every operation of the collection API, planned from its own OpenAPI document. */
@QuarkusTest
@TestProfile(FuzzProfile.class)
class CollectionFuzzIT extends ServiceFuzzTest {

    CollectionFuzzIT() {
        super("collection-test-key-not-secret");
    }
}

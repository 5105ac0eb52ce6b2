package tr.kopru.collection;

import io.quarkus.test.junit.QuarkusTest;
import tr.kopru.testsupport.ServiceWiringTestBase;

@QuarkusTest
class ServiceWiringIT extends ServiceWiringTestBase {
}

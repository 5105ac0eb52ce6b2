package tr.kopru.testsupport.fuzz;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The profile of a service's fuzz test: a Quarkus application of its own, with its own Kafka and PostgreSQL, so
 * that what the fuzzer creates meets no other test (Quarkus runs the tests of a profile after those without one).
 */
public class FuzzProfile implements QuarkusTestProfile {
}

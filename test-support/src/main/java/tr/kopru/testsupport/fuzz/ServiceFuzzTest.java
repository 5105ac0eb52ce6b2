package tr.kopru.testsupport.fuzz;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's fuzz test: about {@value #REQUESTS} seeded requests to every operation of its own OpenAPI document
 * ({@link OpenApiFuzz}). A service's {@code *FuzzIT} extends it, as a {@code @QuarkusTest} on {@link FuzzProfile},
 * naming a key with all of the service's scopes.
 */
public abstract class ServiceFuzzTest {

    static final int REQUESTS = 300;
    private static final long SEED = 20261204L;

    private final String apiKey;

    protected ServiceFuzzTest(String apiKey) {
        this.apiKey = apiKey;
    }

    @Test
    void noRequestIsAnswered5xxOrOutsideTheEnvelopeOrWithAnUndocumentedStatus() {
        FuzzReport report = OpenApiFuzz.againstServiceUnderTest(apiKey, SEED).run(REQUESTS);
        System.out.println(getClass().getSimpleName() + ": " + report.summary());
        assertThat(report.requests()).isGreaterThanOrEqualTo(REQUESTS);
        assertThat(report.failures()).isEmpty();
    }
}

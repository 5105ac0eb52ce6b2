package tr.kopru.runtime.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * No document of ours, nor of our upstreams, nests deeper than a few levels: a body nested deeper than
 * {@value #MAX_NESTING} is refused (a 400 in the envelope) before it costs a deep parse.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    static final int MAX_NESTING = 64;
    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING).build();

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(CONSTRAINTS);
    }

    /** A parser factory with the same limits, for a mapper of its own (one that reads bodies as they were sent). */
    public static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    }
}

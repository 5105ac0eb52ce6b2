package tr.kopru.simulator.fault;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What goes wrong with calls to one upstream method. Every field is optional.
 *
 * @param latencyMs          added to every answer
 * @param errorRate          share of calls (0..1) answered with {@code error}
 * @param error              "http500", or an upstream result code such as "0900" (FlexCity)
 * @param timeoutMs          the answer comes only after this long (longer than a client's timeout)
 * @param retryAfterSeconds  answer 429 with this Retry-After
 * @param malformed          answer a body that is not valid JSON
 * @param timeoutAfterCommit FlexCity collect: book the collection, then drop the connection without an answer
 * @param remaining          how many calls the fault applies to; null for all
 */
public record Fault(
        @JsonProperty("latency_ms") Long latencyMs,
        @JsonProperty("error_rate") Double errorRate,
        @JsonProperty("error") String error,
        @JsonProperty("timeout_ms") Long timeoutMs,
        @JsonProperty("retry_after_seconds") Integer retryAfterSeconds,
        @JsonProperty("malformed") Boolean malformed,
        @JsonProperty("timeout_after_commit") Boolean timeoutAfterCommit,
        @JsonProperty("remaining") Integer remaining) {

    boolean is(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    Fault used() {
        return remaining == null ? this
                : new Fault(latencyMs, errorRate, error, timeoutMs, retryAfterSeconds, malformed, timeoutAfterCommit,
                remaining - 1);
    }

    boolean exhausted() {
        return remaining != null && remaining <= 0;
    }
}

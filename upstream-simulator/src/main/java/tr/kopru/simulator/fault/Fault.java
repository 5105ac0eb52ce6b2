package tr.kopru.simulator.fault;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What goes wrong with calls to one upstream method. Every field is optional.
 *
 * @param latencyMs          added to every answer
 * @param rate               share of calls (0..1) the fault applies to, whatever its kind; the others pass
 *                           untouched; null for all ({@code error_rate} is its older name)
 * @param error              "http500", or an upstream result code such as "0900" (FlexCity), answered instead of the
 *                           work
 * @param timeoutMs          the answer comes only after this long (longer than a client's timeout); a call whose
 *                           client gave up meanwhile is not carried out
 * @param retryAfterSeconds  answer 429 with this Retry-After
 * @param malformed          answer a body that is not valid JSON
 * @param timeoutAfterCommit FlexCity: do the work (book, cancel), then drop the connection without an answer
 * @param commitAfterMs      FlexCity "late commit": no answer ever comes; the work is done this long after the call
 * @param errorAfterCommit   FlexCity: do the work, then answer "http500" or this result code instead of success
 * @param dropBeforeCommit   FlexCity: drop the connection at once and do nothing
 * @param shiftListing       UTTS: before the page is cut, the account's listing shifts by this many records: n > 0
 *                           new installations appear at its head, n < 0 its first n records leave it (as when a
 *                           record is inserted or removed while a client pages)
 * @param afterCalls         the fault starts after this many calls it would apply to have passed untouched
 * @param target             only calls for this target (a FlexCity institution's code, a UTTS account's e-mail, a
 *                           customs target server); null for every target
 * @param remaining          how many calls the fault applies to; null for all
 */
public record Fault(
        @JsonProperty("latency_ms") Long latencyMs,
        @JsonProperty("rate") @JsonAlias("error_rate") Double rate,
        @JsonProperty("error") String error,
        @JsonProperty("timeout_ms") Long timeoutMs,
        @JsonProperty("retry_after_seconds") Integer retryAfterSeconds,
        @JsonProperty("malformed") Boolean malformed,
        @JsonProperty("timeout_after_commit") Boolean timeoutAfterCommit,
        @JsonProperty("commit_after_ms") Long commitAfterMs,
        @JsonProperty("error_after_commit") String errorAfterCommit,
        @JsonProperty("drop_before_commit") Boolean dropBeforeCommit,
        @JsonProperty("shift_listing") Integer shiftListing,
        @JsonProperty("after_calls") Integer afterCalls,
        @JsonProperty("target") String target,
        @JsonProperty("remaining") Integer remaining) {

    boolean is(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    Fault used() {
        return remaining == null ? this : with(afterCalls, remaining - 1);
    }

    /** Whether calls are still to pass untouched before the fault starts. */
    boolean waiting() {
        return afterCalls != null && afterCalls > 0;
    }

    /** The fault once one more call has passed it untouched. */
    Fault passed() {
        return with(afterCalls - 1, remaining);
    }

    private Fault with(Integer afterCalls, Integer remaining) {
        return new Fault(latencyMs, rate, error, timeoutMs, retryAfterSeconds, malformed, timeoutAfterCommit,
                commitAfterMs, errorAfterCommit, dropBeforeCommit, shiftListing, afterCalls, target, remaining);
    }

    boolean exhausted() {
        return remaining != null && remaining <= 0;
    }
}

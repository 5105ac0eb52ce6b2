package tr.kopru.local.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** What the workload's clients saw: operations by kind and outcome, and every 5xx answer with when it came. */
public final class ClientLog {

    /** A 5xx answer to one try of an operation. */
    public record ServerError(String operation, int status, Instant at, String body) {
    }

    /** An operation that got no answer other than 5xx or a failed connection, even after its retries. */
    public record Unanswered(String operation, String detail) {
    }

    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<ServerError> serverErrors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Unanswered> unanswered = new ConcurrentLinkedQueue<>();
    private final AtomicLong retries = new AtomicLong();

    void outcome(String operation, String outcome) {
        outcomes.computeIfAbsent(operation + " " + outcome, k -> new AtomicLong()).incrementAndGet();
    }

    void serverError(String operation, int status, String body) {
        serverErrors.add(new ServerError(operation, status, Instant.now(), body));
    }

    void unanswered(String operation, String detail) {
        unanswered.add(new Unanswered(operation, detail));
        outcome(operation, "unanswered");
    }

    void retried() {
        retries.incrementAndGet();
    }

    /** Operations by "kind outcome", sorted. */
    public Map<String, Long> outcomes() {
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }

    public List<ServerError> serverErrors() {
        return new ArrayList<>(serverErrors);
    }

    public List<Unanswered> unanswered() {
        return new ArrayList<>(unanswered);
    }

    public long retries() {
        return retries.get();
    }
}

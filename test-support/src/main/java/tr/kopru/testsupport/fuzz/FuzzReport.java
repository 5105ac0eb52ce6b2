package tr.kopru.testsupport.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a fuzz run sent and what broke the rules: the statuses seen, and each answer that was wrong and why. */
public final class FuzzReport {

    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<String, Integer> mutations = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    void sent(FuzzCase fuzzCase, int status) {
        requests++;
        statuses.merge(status, 1, Integer::sum);
        mutations.merge(fuzzCase.mutation(), 1, Integer::sum);
    }

    void failed(FuzzCase fuzzCase, int status, String why, String body) {
        String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
        failures.add(fuzzCase.describe() + " -> " + status + ": " + why + " (answer: " + shown + ")");
    }

    public int requests() {
        return requests;
    }

    public Map<Integer, Integer> statuses() {
        return statuses;
    }

    public List<String> failures() {
        return failures;
    }

    public String summary() {
        return requests + " requests, statuses " + statuses + ", mutations " + mutations + ", " + failures.size()
                + " broke the rules";
    }
}

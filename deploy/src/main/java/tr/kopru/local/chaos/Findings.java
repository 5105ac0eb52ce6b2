package tr.kopru.local.chaos;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The anomalies the checker found: a count per kind, with the first few examples of each. */
public final class Findings {

    private static final int EXAMPLES = 5;

    private final Map<Anomaly, Long> counts = new EnumMap<>(Anomaly.class);
    private final Map<Anomaly, List<String>> examples = new EnumMap<>(Anomaly.class);

    void add(Anomaly anomaly, String example) {
        counts.merge(anomaly, 1L, Long::sum);
        List<String> some = examples.computeIfAbsent(anomaly, a -> new ArrayList<>());
        if (some.size() < EXAMPLES) {
            some.add(example);
        }
    }

    public long count(Anomaly anomaly) {
        return counts.getOrDefault(anomaly, 0L);
    }

    public List<String> examples(Anomaly anomaly) {
        return examples.getOrDefault(anomaly, List.of());
    }

    /** Whether money was lost, duplicated or wrongly settled, an event is missing or a ledger does not match. */
    public boolean failed() {
        return counts.keySet().stream().anyMatch(Anomaly::fatal);
    }
}

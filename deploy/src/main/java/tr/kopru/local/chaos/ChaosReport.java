package tr.kopru.local.chaos;

import java.io.PrintStream;
import java.util.Map;

/** The campaign's one table: faults injected by kind, operations by kind and outcome, anomalies by kind. */
final class ChaosReport {

    private ChaosReport() {
    }

    static void print(PrintStream out, FaultPlan plan, Map<FaultKind, Integer> faults, ClientLog clients,
                      Findings findings) {
        out.println();
        out.println("Fault campaign, seed " + plan.seed() + " (replay: ./kopru chaos --seed " + plan.seed() + ")");
        out.printf("%-58s %8s%n", "FAULTS INJECTED", "count");
        faults.forEach((kind, count) -> out.printf("  %-56s %8d%n", kind, count));
        out.printf("  %-56s %8d%n", "total", faults.values().stream().mapToInt(Integer::intValue).sum());
        out.printf("%-58s %8s%n", "OPERATIONS (kind, answer)", "count");
        clients.outcomes().forEach((outcome, count) -> out.printf("  %-56s %8d%n", outcome, count));
        out.printf("  %-56s %8d%n", "tries retried (timeout, 5xx, 429, dropped connection)", clients.retries());
        out.printf("%-58s %8s%n", "ANOMALIES (goal 0; * fails the campaign)", "count");
        for (Anomaly anomaly : Anomaly.values()) {
            out.printf("  %-56s %8d%n", (anomaly.fatal() ? "* " : "  ") + anomaly, findings.count(anomaly));
        }
        for (Anomaly anomaly : Anomaly.values()) {
            if (findings.count(anomaly) > 0) {
                out.println();
                out.println(anomaly + ": " + anomaly.meaning());
                findings.examples(anomaly).forEach(example -> out.println("  - " + example));
            }
        }
        out.println();
        out.println(findings.failed() ? "The campaign FAILED: money, an event or a ledger went wrong (see above)."
                : "No money lost, duplicated or wrongly settled; no event missing; every ledger matches.");
    }
}

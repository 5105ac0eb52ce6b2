package tr.kopru.local.day;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static tr.kopru.local.day.BusinessDay.COLLECTIONS;
import static tr.kopru.local.day.BusinessDay.RECONCILIATION;

/**
 * Reconciles today at our desk of each institution, once the ledger has caught up with the collections made, and
 * checks that each run finds exactly the planted discrepancies (receipts only FlexCity has) and nothing else.
 */
final class DayReconciliation {

    private final DayHttp http;
    private final Narrator narrator;
    private final LocalDate today;

    DayReconciliation(DayHttp http, Narrator narrator, LocalDate today) {
        this.http = http;
        this.narrator = narrator;
        this.today = today;
    }

    /** {@code planted}: per institution, FlexCity's ids of the collections it has that we never sent. */
    void expect(Map<String, List<Long>> planted) {
        planted.keySet().stream().sorted().forEach(institution -> {
            awaitLedger(institution);
            reconcile(institution, planted.get(institution));
        });
    }

    private void awaitLedger(String institution) {
        long collected = total("COLLECTED", institution);
        long cancelled = total("CANCELLED", institution);
        JsonNode totals = narrator.await("the ledger of " + institution, Duration.ofSeconds(60),
                () -> http.get(RECONCILIATION + "/api/v1/ledger/totals?institution=" + institution + "&day=" + today)
                        .data(),
                t -> t.path("collected_count").asLong() == collected && t.path("cancelled_count").asLong() == cancelled);
        narrator.check(true, "the ledger of " + institution + " holds the day's " + collected + " collections ("
                + Narrator.amount(totals.path("collected_amount")) + " TRY) and " + cancelled + " cancelled", totals);
    }

    private void reconcile(String institution, List<Long> plantedReceipts) {
        DayHttp.Reply reply = http.post(RECONCILIATION + "/api/v1/reconciliation-runs",
                Map.of("institution", institution, "day", today.toString()));
        narrator.check(reply.status() == 201, "reconciliation of " + institution + " for " + today + " ran (201)",
                reply.status() + " " + reply.body());
        JsonNode run = reply.data();
        JsonNode discrepancies = run.path("discrepancies");
        if (plantedReceipts.isEmpty()) {
            narrator.check(run.path("result").asText().equals("MATCHED") && discrepancies.isEmpty(),
                    institution + " desk " + run.path("desk_id").asText() + ": MATCHED, no discrepancy",
                    run.path("result") + " " + discrepancies);
            return;
        }
        boolean exactlyPlanted = discrepancies.size() == plantedReceipts.size();
        for (JsonNode discrepancy : discrepancies) {
            exactlyPlanted &= discrepancy.path("category").asText().equals("MISSING_LOCALLY")
                    && plantedReceipts.contains(discrepancy.path("upstream_collection_id").asLong());
        }
        narrator.check(run.path("result").asText().equals("MISMATCHED") && exactlyPlanted, institution + " desk "
                + run.path("desk_id").asText() + ": MISMATCHED with exactly the planted discrepancy "
                + "(MISSING_LOCALLY, FlexCity collection " + plantedReceipts + ")", discrepancies);
    }

    private long total(String state, String institution) {
        return http.get(COLLECTIONS + "/api/v1/collections?limit=1&institution=" + institution + "&state=" + state
                + "&collection_date=" + today).body().path("pagination").path("total_count").asLong();
    }
}

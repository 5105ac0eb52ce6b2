package tr.kopru.local.day;

import com.fasterxml.jackson.databind.JsonNode;
import tr.kopru.model.Topics;

import java.time.LocalDate;
import java.util.Map;

import static tr.kopru.local.day.BusinessDay.COLLECTIONS;
import static tr.kopru.local.day.BusinessDay.DECLARATIONS;
import static tr.kopru.local.day.BusinessDay.INSTALLATIONS;
import static tr.kopru.local.day.BusinessDay.RECONCILIATION;

/** The closing summary of the day, from the topics and the services' own APIs. */
final class DaySummary {

    private final DayHttp http;
    private final TopicCounts topics;
    private final Narrator narrator;
    private final LocalDate today;

    DaySummary(DayHttp http, TopicCounts topics, Narrator narrator, LocalDate today) {
        this.http = http;
        this.topics = topics;
        this.narrator = narrator;
        this.today = today;
    }

    void print() {
        narrator.step("Summary of " + today);
        narrator.say("%-26s %s", "topic", "records");
        Map<String, Long> counts = topics.count(Topics.ALL);
        counts.forEach((topic, count) -> narrator.say("%-26s %,d", topic, count));
        narrator.say("");
        narrator.say("installations by status    %s", http.get(INSTALLATIONS + "/api/v1/installations/summary").data()
                .path("by_status"));
        narrator.say("collections by state       %s", http.get(COLLECTIONS + "/api/v1/collections/summary").data());
        for (JsonNode run : http.get(RECONCILIATION + "/api/v1/reconciliation-runs?from=" + today + "&to=" + today)
                .data()) {
            narrator.say("reconciliation             %s desk %s: %s, discrepancies: %d (ours %s / FlexCity %s TRY)",
                    run.path("institution").asText(), run.path("desk_id").asText(), run.path("result").asText(),
                    run.path("discrepancy_count").asInt(), Narrator.amount(run.path("ours").path("collected_amount")),
                    Narrator.amount(run.path("theirs").path("collected_amount")));
        }
        narrator.say("declaration updates        %s sent, %s failed",
                total(DECLARATIONS + "/api/v1/declaration-updates?status=SENT"),
                total(DECLARATIONS + "/api/v1/declaration-updates?status=FAILED"));
    }

    private long total(String url) {
        return http.get(url + "&limit=1").body().path("pagination").path("total_count").asLong();
    }
}

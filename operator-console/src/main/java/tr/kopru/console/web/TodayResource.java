package tr.kopru.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import tr.kopru.console.api.Service;
import tr.kopru.console.api.ServiceAnswer;
import tr.kopru.console.api.ServiceApi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bugün: each desk's day — our collected and cancelled totals and counts (the ledger) against FlexCity's (asked now,
 * through a dry reconciliation that stores nothing), the day's reconciliation state, and 30 days of both sides'
 * daily totals as a chart.
 */
@Path("/")
public class TodayResource {

    private static final ZoneId TURKEY = ZoneId.of("Europe/Istanbul");
    private static final int CHART_DAYS = 30;

    /** One desk's day on the page. */
    @TemplateData
    public record DeskDay(String institution, long deskId, Object ours, Object theirs, String theirsError,
                          Object run, Object chart) {
    }

    private final Template bugun;
    private final ServiceApi api;
    private final Pages pages;
    private final Clock clock;

    public TodayResource(Template bugun, ServiceApi api, Pages pages, Clock clock) {
        this.bugun = bugun;
        this.api = api;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    public Response today(@QueryParam("kurum") String institution, @QueryParam("gun") LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(TURKEY));
        LocalDate shown = day == null || day.isAfter(today) ? today : day;
        ServiceAnswer summary = api.get(Service.RECONCILIATION, "/api/v1/reconciliation-runs/summary",
                Map.of("days", CHART_DAYS, "limit", 1000));
        Map<String, List<JsonNode>> byDesk = new TreeMap<>();
        summary.data().forEach(run -> byDesk.computeIfAbsent(run.path("institution").asText() + "/"
                + run.path("desk_id").asLong(), k -> new ArrayList<>()).add(run));
        List<String> institutions = byDesk.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).distinct()
                .toList();
        List<DeskDay> desks = new ArrayList<>();
        byDesk.forEach((key, runs) -> {
            String deskInstitution = key.substring(0, key.indexOf('/'));
            if (institution == null || institution.isBlank() || institution.equals(deskInstitution)) {
                desks.add(deskDay(deskInstitution, Long.parseLong(key.substring(key.indexOf('/') + 1)), shown,
                        runs, today));
            }
        });
        return pages.render(bugun.data("desks", desks).data("institutions", institutions)
                .data("institution", institution).data("day", shown).data("today", today)
                .data("previousDay", shown.minusDays(1)).data("nextDay", shown.isBefore(today) ? shown.plusDays(1)
                        : null), "today");
    }

    private JsonNode ledgerTotals(String institution, long desk, LocalDate day) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("institution", institution);
        query.put("desk_id", desk);
        query.put("day", day);
        return api.get(Service.RECONCILIATION, "/api/v1/ledger/totals", query).data();
    }

    private DeskDay deskDay(String institution, long desk, LocalDate day, List<JsonNode> runs, LocalDate today) {
        // A dry run answers both sides at once; only when FlexCity does not answer is the ledger asked on its own.
        ServiceAnswer dryRun = api.post(Service.RECONCILIATION, "/api/v1/reconciliation-runs",
                Map.of("institution", institution, "desk_id", desk, "day", day, "dry_run", true));
        JsonNode ours = dryRun.ok() ? dryRun.data().path("ours") : ledgerTotals(institution, desk, day);
        JsonNode run = runs.stream().filter(r -> r.path("day").asText().equals(day.toString())).findFirst()
                .orElse(null);
        List<DailyChart.Day> points = runs.stream().sorted((a, b) -> a.path("day").asText()
                        .compareTo(b.path("day").asText()))
                .map(r -> new DailyChart.Day(LocalDate.parse(r.path("day").asText()),
                        r.path("ours").path("collected_amount").decimalValue(),
                        r.path("theirs").path("collected_amount").decimalValue()))
                .toList();
        String title = institution + " / " + desk;
        Messages words = pages.messages();
        return new DeskDay(institution, desk, JsonView.of(ours), dryRun.ok() ? JsonView.of(dryRun.data().path("theirs"))
                : null, dryRun.ok() ? null : dryRun.message(), JsonView.of(run),
                DailyChart.of(title, today.minusDays(CHART_DAYS), today, points, words.ours(), words.theirs()));
    }
}

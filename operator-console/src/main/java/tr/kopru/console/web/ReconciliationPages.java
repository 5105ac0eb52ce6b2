package tr.kopru.console.web;

import io.quarkus.qute.Template;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import tr.kopru.console.api.Service;
import tr.kopru.console.api.ServiceAnswer;
import tr.kopru.console.api.ServiceApi;
import tr.kopru.console.auth.ActionGuard;
import tr.kopru.console.auth.Session;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mutabakat: runs by desk and day, filtered and paged; a run with both sides' totals and its discrepancies, each with
 * both sides' values, its detail and what operators did about it; acknowledging or resolving one with a note; the
 * CSV; and running a desk's day again.
 */
@Path("/mutabakat")
public class ReconciliationPages {

    private static final Logger AUDIT = Logger.getLogger("kopru.console.audit");

    private final Template mutabakat;
    private final Template mutabakatCalismasi;
    private final ServiceApi api;
    private final Pages pages;
    private final ActionGuard guard;

    public ReconciliationPages(Template mutabakat, Template mutabakatCalismasi, ServiceApi api, Pages pages,
                               ActionGuard guard) {
        this.mutabakat = mutabakat;
        this.mutabakatCalismasi = mutabakatCalismasi;
        this.api = api;
        this.pages = pages;
        this.guard = guard;
    }

    @GET
    public Response runs(@QueryParam("kurum") String institution, @QueryParam("vezne") Long desk,
                         @QueryParam("baslangic") LocalDate from, @QueryParam("bitis") LocalDate to,
                         @QueryParam("kayit") Long offsetAsked) {
        long offset = Paging.offset(offsetAsked);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("institution", institution);
        query.put("desk_id", desk);
        query.put("from", from);
        query.put("to", to);
        query.put("limit", Paging.LIMIT);
        query.put("offset", offset);
        ServiceAnswer runs = api.get(Service.RECONCILIATION, "/api/v1/reconciliation-runs", query);
        if (!runs.ok()) {
            return pages.afterAction("/mutabakat", false, runs.message());
        }
        return pages.render(mutabakat.data("runs", JsonView.of(runs.data()))
                .data("paging", new Paging(runs.total(), Paging.LIMIT, offset))
                .data("institution", institution).data("desk", desk).data("from", from).data("to", to)
                .data("filterQuery", filterQuery(institution, desk, from, to)), "reconciliation");
    }

    /** The filter as query parameters for the pager's links ({@code &kurum=…}), empty without one. */
    private static String filterQuery(String institution, Long desk, LocalDate from, LocalDate to) {
        StringBuilder query = new StringBuilder();
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("kurum", institution);
        filter.put("vezne", desk);
        filter.put("baslangic", from);
        filter.put("bitis", to);
        filter.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                query.append('&').append(name).append('=').append(URLEncoder.encode(value.toString(),
                        StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    @GET
    @Path("{id}")
    public Response run(@PathParam("id") long id, @QueryParam("kayit") Long offsetAsked) {
        long offset = Paging.offset(offsetAsked);
        ServiceAnswer run = api.get(Service.RECONCILIATION, "/api/v1/reconciliation-runs/" + id, Map.of());
        if (!run.ok()) {
            return pages.afterAction("/mutabakat", false, run.message());
        }
        ServiceAnswer discrepancies = api.get(Service.RECONCILIATION, "/api/v1/reconciliation-runs/" + id
                + "/discrepancies", Map.of("limit", Paging.LIMIT, "offset", offset));
        return pages.render(mutabakatCalismasi.data("run", JsonView.of(run.data()))
                .data("discrepancies", JsonView.of(discrepancies.data()))
                .data("paging", new Paging(discrepancies.total(), Paging.LIMIT, offset)), "reconciliation");
    }

    @GET
    @Path("{id}/farklar.csv")
    public Response csv(@PathParam("id") long id) {
        HttpResponse<byte[]> csv = api.download(Service.RECONCILIATION, "/api/v1/reconciliation-runs/" + id
                + "/discrepancies.csv");
        if (csv.statusCode() != 200) {
            return pages.afterAction("/mutabakat/" + id, false, "CSV: HTTP " + csv.statusCode());
        }
        return Response.ok(csv.body(), "text/csv; charset=UTF-8").header("Content-Disposition",
                csv.headers().firstValue("Content-Disposition").orElse("attachment; filename=\"farklar-" + id
                        + ".csv\"")).build();
    }

    @POST
    @Path("{id}/farklar/{discrepancyId}")
    public Response handle(@PathParam("id") long id, @PathParam("discrepancyId") long discrepancyId,
                           @FormParam("_csrf") String csrf, @FormParam("durum") String status,
                           @FormParam("not") String note) {
        Session session = guard.allow(csrf);
        ServiceAnswer answer = api.post(Service.RECONCILIATION, "/api/v1/reconciliation-runs/" + id
                        + "/discrepancies/" + discrepancyId + "/handling",
                Map.of("status", status == null ? "" : status, "note", note == null ? "" : note));
        AUDIT.infof("%s marked discrepancy %d of run %d %s: HTTP %d", session.username(), discrepancyId, id, status,
                answer.status());
        return pages.afterAction("/mutabakat/" + id, answer.ok(), answer.ok()
                ? "#" + discrepancyId + ": " + answer.data().path("handling").path("status").asText()
                : answer.message());
    }

    @POST
    @Path("yeniden")
    public Response runAgain(@FormParam("_csrf") String csrf, @FormParam("kurum") String institution,
                             @FormParam("vezne") Long desk, @FormParam("gun") LocalDate day) {
        Session session = guard.allow(csrf);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("institution", institution);
        request.put("desk_id", desk);
        request.put("day", day);
        ServiceAnswer answer = api.post(Service.RECONCILIATION, "/api/v1/reconciliation-runs", request);
        AUDIT.infof("%s ran the reconciliation of %s desk %s for %s again: HTTP %d", session.username(), institution,
                desk, day, answer.status());
        return answer.ok() ? pages.afterAction("/mutabakat/" + answer.data().path("id").asLong(), true,
                answer.data().path("result").asText()) : pages.afterAction("/mutabakat", false, answer.message());
    }
}

package tr.kopru.console.web;

import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import tr.kopru.console.api.Service;
import tr.kopru.console.api.ServiceAnswer;
import tr.kopru.console.api.ServiceApi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Senkronizasyon: UTTS sync runs per account and standing-instruction scans, newest first, with their progress
 * counters (records seen, new, changed, rejected; instructions scanned, debts found) and a run's rejected records;
 * while one runs, the page refreshes itself every 3 seconds.
 */
@Path("/senkronizasyon")
public class SyncPages {

    private final Template senkronizasyon;
    private final Template reddedilenKayitlar;
    private final ServiceApi api;
    private final Pages pages;

    public SyncPages(Template senkronizasyon, Template reddedilenKayitlar, ServiceApi api, Pages pages) {
        this.senkronizasyon = senkronizasyon;
        this.reddedilenKayitlar = reddedilenKayitlar;
        this.api = api;
        this.pages = pages;
    }

    /** The records a sync run could not read, with why, and the fields it kept of each (personal data masked). */
    @GET
    @Path("{id}/reddedilen")
    public Response rejected(@PathParam("id") long id, @QueryParam("kayit") Long offsetAsked) {
        long offset = Paging.offset(offsetAsked);
        ServiceAnswer records = api.get(Service.INSTALLATION, "/api/v1/sync-runs/" + id + "/rejected-records",
                Map.of("limit", Paging.LIMIT, "offset", offset));
        if (!records.ok()) {
            return pages.afterAction("/senkronizasyon", false, records.message());
        }
        return pages.render(reddedilenKayitlar.data("runId", id).data("records", JsonView.of(records.data()))
                .data("paging", new Paging(records.total(), Paging.LIMIT, offset)), "sync");
    }

    @GET
    public Response runs(@QueryParam("hesap") String account, @QueryParam("senkron") Long syncFrom,
                         @QueryParam("tarama") Long scanFrom) {
        long syncOffset = Paging.offset(syncFrom);
        long scanOffset = Paging.offset(scanFrom);
        ServiceAnswer syncs = api.get(Service.INSTALLATION, "/api/v1/sync-runs",
                Map.of("utts_account", account == null ? "" : account, "limit", Paging.LIMIT, "offset", syncOffset));
        ServiceAnswer scans = api.get(Service.COLLECTION, "/api/v1/scan-runs",
                Map.of("limit", Paging.LIMIT, "offset", scanOffset));
        boolean running = false;
        for (var run : syncs.data()) {
            running |= "RUNNING".equals(run.path("status").asText());
        }
        for (var run : scans.data()) {
            running |= "RUNNING".equals(run.path("status").asText());
        }
        return pages.render(senkronizasyon.data("syncs", JsonView.of(syncs.data()))
                .data("syncPage", new Paging(syncs.total(), Paging.LIMIT, syncOffset))
                .data("scans", JsonView.of(scans.data()))
                .data("scanPage", new Paging(scans.total(), Paging.LIMIT, scanOffset))
                .data("running", running).data("account", account)
                .data("accountQuery", account == null || account.isBlank() ? ""
                        : "&hesap=" + URLEncoder.encode(account, StandardCharsets.UTF_8)), "sync");
    }
}

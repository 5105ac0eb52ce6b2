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

import java.util.Map;
import java.util.UUID;

/**
 * Dikkat gerekenler: collections whose outcome is open (UNKNOWN, CANCEL_UNKNOWN) or waiting for an operator, oldest
 * first, each with "ask FlexCity now" and a settle by hand that collection-service only allows when FlexCity's
 * records agree; a collection's page with its history; auto-pay attempts FlexCity refused; and declaration updates
 * that FAILED.
 */
@Path("/")
public class AttentionResource {

    private static final Logger AUDIT = Logger.getLogger("kopru.console.audit");

    private final Template dikkat;
    private final Template tahsilat;
    private final ServiceApi api;
    private final Pages pages;
    private final ActionGuard guard;

    public AttentionResource(Template dikkat, Template tahsilat, ServiceApi api, Pages pages, ActionGuard guard) {
        this.dikkat = dikkat;
        this.tahsilat = tahsilat;
        this.api = api;
        this.pages = pages;
        this.guard = guard;
    }

    @GET
    @Path("dikkat")
    public Response attention(@QueryParam("tahsilat") Long collectionsFrom, @QueryParam("otomatik") Long autoPayFrom,
                              @QueryParam("beyan") Long declarationsFrom) {
        long collectionsOffset = Paging.offset(collectionsFrom);
        long autoPayOffset = Paging.offset(autoPayFrom);
        long declarationsOffset = Paging.offset(declarationsFrom);
        ServiceAnswer collections = api.get(Service.COLLECTION, "/api/v1/operations/collections",
                Map.of("limit", Paging.LIMIT, "offset", collectionsOffset));
        ServiceAnswer autoPay = api.get(Service.COLLECTION, "/api/v1/collections", Map.of("channel",
                "standing_instruction", "state", "REJECTED", "limit", Paging.LIMIT, "offset", autoPayOffset));
        ServiceAnswer failed = api.get(Service.DECLARATION, "/api/v1/declaration-updates",
                Map.of("status", "FAILED", "limit", Paging.LIMIT, "offset", declarationsOffset));
        return pages.render(dikkat.data("collections", JsonView.of(collections.data()))
                .data("collectionsPage", new Paging(collections.total(), Paging.LIMIT, collectionsOffset))
                .data("autoPay", JsonView.of(autoPay.data()))
                .data("autoPayPage", new Paging(autoPay.total(), Paging.LIMIT, autoPayOffset))
                .data("declarations", JsonView.of(failed.data()))
                .data("declarationsPage", new Paging(failed.total(), Paging.LIMIT, declarationsOffset)), "attention");
    }

    @GET
    @Path("tahsilat/{id}")
    public Response collection(@PathParam("id") UUID id) {
        ServiceAnswer found = api.get(Service.COLLECTION, "/api/v1/collections/" + id, Map.of());
        if (!found.ok()) {
            return pages.afterAction("/dikkat", false, found.message());
        }
        return pages.render(tahsilat.data("collection", JsonView.of(found.data())), "attention");
    }

    @POST
    @Path("dikkat/{id}/sor")
    public Response askNow(@PathParam("id") UUID id, @FormParam("_csrf") String csrf) {
        Session session = guard.allow(csrf);
        ServiceAnswer answer = api.post(Service.COLLECTION, "/api/v1/operations/collections/" + id + "/ask", Map.of());
        AUDIT.infof("%s asked FlexCity about collection %s: HTTP %d", session.username(), id, answer.status());
        return pages.afterAction("/dikkat", answer.ok(), answer.ok()
                ? id + ": " + answer.data().path("state").asText() : answer.message());
    }

    @POST
    @Path("dikkat/{id}/sonuclandir")
    public Response settle(@PathParam("id") UUID id, @FormParam("_csrf") String csrf,
                           @FormParam("sonuc") String outcome, @FormParam("gerekce") String reason) {
        Session session = guard.allow(csrf);
        ServiceAnswer answer = api.post(Service.COLLECTION, "/api/v1/operations/collections/" + id + "/settle",
                Map.of("outcome", outcome == null ? "" : outcome, "reason", reason == null ? "" : reason));
        AUDIT.infof("%s settled collection %s as %s: HTTP %d", session.username(), id, outcome, answer.status());
        return pages.afterAction("/dikkat", answer.ok(), answer.ok()
                ? id + ": " + answer.data().path("state").asText() : answer.message());
    }
}

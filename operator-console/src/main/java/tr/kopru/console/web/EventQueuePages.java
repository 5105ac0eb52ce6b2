package tr.kopru.console.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import tr.kopru.console.api.Service;
import tr.kopru.console.api.ServiceAnswer;
import tr.kopru.console.api.ServiceApi;
import tr.kopru.console.auth.ActionGuard;
import tr.kopru.console.auth.Session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Olay kuyrukları: the records each service's consumers set aside, newest first, with the reason and where they came
 * from; and a replay, confirmed by ticking that the operator means it, which sends one back to its topic once.
 */
@Path("/olay-kuyruklari")
public class EventQueuePages {

    private static final Logger AUDIT = Logger.getLogger("kopru.console.audit");

    /** One service's dead letters on the page. */
    @TemplateData
    public record ServiceLetters(Service service, Object letters, Paging paging) {
    }

    private final Template olayKuyruklari;
    private final ServiceApi api;
    private final Pages pages;
    private final ActionGuard guard;

    public EventQueuePages(Template olayKuyruklari, ServiceApi api, Pages pages, ActionGuard guard) {
        this.olayKuyruklari = olayKuyruklari;
        this.api = api;
        this.pages = pages;
        this.guard = guard;
    }

    @GET
    public Response letters(@QueryParam("konu") String topic, @QueryParam("kayit") Long offsetAsked) {
        long offset = Paging.offset(offsetAsked);
        List<ServiceLetters> services = new ArrayList<>();
        for (Service service : Service.values()) {
            // A service without that dead-letter topic answers 404: it has nothing to show.
            ServiceAnswer answer = api.get(service, "/api/v1/dead-letters", Map.of("topic", topic == null ? "" : topic,
                    "limit", Paging.LIMIT, "offset", offset));
            if (answer.ok() && answer.total() > 0) {
                services.add(new ServiceLetters(service, JsonView.of(answer.data()),
                        new Paging(answer.total(), Paging.LIMIT, offset)));
            }
        }
        return pages.render(olayKuyruklari.data("services", services).data("topic", topic)
                .data("topicQuery", topic == null || topic.isBlank() ? ""
                        : "&konu=" + URLEncoder.encode(topic, StandardCharsets.UTF_8)), "events");
    }

    @POST
    @Path("yeniden-gonder")
    public Response replay(@FormParam("_csrf") String csrf, @FormParam("servis") Service service,
                           @FormParam("konu") String topic, @FormParam("bolum") Integer partition,
                           @FormParam("konum") Long offset, @FormParam("onay") String confirmed) {
        Session session = guard.allow(csrf);
        if (!"evet".equals(confirmed)) {
            return pages.afterAction("/olay-kuyruklari", false, pages.messages().replayNotConfirmed());
        }
        ServiceAnswer answer = api.post(service == null ? Service.RECONCILIATION : service,
                "/api/v1/dead-letters/replay",
                Map.of("topic", topic == null ? "" : topic, "partition", partition == null ? -1 : partition,
                        "offset", offset == null ? -1 : offset));
        AUDIT.infof("%s replayed dead letter %s/%s/%s: HTTP %d", session.username(), topic, partition, offset,
                answer.status());
        return pages.afterAction("/olay-kuyruklari", answer.ok(), answer.ok()
                ? topic + "/" + partition + "/" + offset + " → " + answer.data().path("original_topic").asText()
                : answer.message());
    }
}

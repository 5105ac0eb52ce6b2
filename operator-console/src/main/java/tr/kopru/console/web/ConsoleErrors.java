package tr.kopru.console.web;

import io.quarkus.qute.Template;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import tr.kopru.console.api.ServiceUnreachable;

/**
 * The console's error pages: an action a viewer may not take (403), an address or parameter no page has (404), and a
 * service that does not answer (503).
 */
public class ConsoleErrors {

    private final Template hata;
    private final Pages pages;

    public ConsoleErrors(Template hata, Pages pages) {
        this.hata = hata;
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, pages.messages().forbidden());
    }

    /** An address no page answers, or a parameter that does not read (a day that is not a date). */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, pages.messages().notFound());
    }

    @ServerExceptionMapper
    public Response unreachable(ServiceUnreachable e) {
        return page(503, pages.messages().unreachable(e.service().setting()));
    }

    private Response page(int status, String text) {
        String body = hata.data("status", status).data("text", text).data("lang", pages.locale().getLanguage())
                .setLocale(pages.locale()).render();
        return Response.status(status).entity(body).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}

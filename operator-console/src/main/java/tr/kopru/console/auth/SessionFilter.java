package tr.kopru.console.auth;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Lets no page through without a valid session: without one, the browser is sent to sign in, and back after. */
public class SessionFilter {

    private final SessionCookie cookies;
    private final OperatorDirectory directory;
    private final CurrentSession current;

    public SessionFilter(SessionCookie cookies, OperatorDirectory directory, CurrentSession current) {
        this.cookies = cookies;
        this.directory = directory;
        this.current = current;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> requireSession(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceClass() == null || resource.getResourceClass().isAnnotationPresent(SignInPage.class)) {
            return Optional.empty();
        }
        Cookie cookie = request.getCookies().get(SessionCookie.NAME);
        Optional<Session> session = cookies.read(cookie == null ? null : cookie.getValue(), directory);
        if (session.isPresent()) {
            current.set(session.get());
            return Optional.empty();
        }
        String back = "GET".equals(request.getMethod()) ? request.getUriInfo().getRequestUri().getRawPath()
                + Optional.ofNullable(request.getUriInfo().getRequestUri().getRawQuery()).map(q -> "?" + q).orElse("")
                : "/";
        return Optional.of(Response.seeOther(URI.create("/giris?sonra=" + URLEncoder.encode(back,
                StandardCharsets.UTF_8))).build());
    }
}

package tr.kopru.console.web;

import io.quarkus.qute.Template;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import tr.kopru.console.ConsoleConfig;
import tr.kopru.console.auth.Cookies;
import tr.kopru.console.auth.Operator;
import tr.kopru.console.auth.OperatorDirectory;
import tr.kopru.console.auth.SessionCookie;
import tr.kopru.console.auth.SignInPage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Signing in and out. The sign-in form is protected from cross-site posting like every other: it carries a token
 * tied to a short-lived cookie set with the form. After signing in, the browser goes back where it was sent from,
 * never to another site.
 */
@Path("/")
@SignInPage
public class SignInResource {

    private static final Logger AUDIT = Logger.getLogger("kopru.console.audit");
    private static final String FORM_COOKIE = "kopru_console_signin";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Template giris;
    private final OperatorDirectory directory;
    private final SessionCookie cookies;
    private final ConsoleConfig config;
    private final HttpServerRequest request;

    public SignInResource(Template giris, OperatorDirectory directory, SessionCookie cookies, ConsoleConfig config,
                          HttpServerRequest request) {
        this.giris = giris;
        this.directory = directory;
        this.cookies = cookies;
        this.config = config;
        this.request = request;
    }

    @GET
    @Path("giris")
    public Response form(@QueryParam("sonra") String next, @QueryParam("dil") String language) {
        return form(next, language, false);
    }

    @POST
    @Path("giris")
    public Response signIn(@FormParam("kullanici") String username, @FormParam("parola") String password,
                           @FormParam("sonra") String next, @FormParam("_csrf") String token) {
        Cookie formCookie = request.getCookie(FORM_COOKIE);
        if (formCookie == null || token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                formCookie.getValue().getBytes(StandardCharsets.UTF_8))) {
            return form(next, null, true);
        }
        Optional<Operator> operator = directory.signIn(username == null ? "" : username.strip(), password);
        if (operator.isEmpty()) {
            AUDIT.infof("sign-in refused for a username of %d characters", username == null ? 0 : username.length());
            return form(next, null, true);
        }
        AUDIT.infof("%s signed in as %s", operator.get().username(), operator.get().role());
        return Response.seeOther(URI.create(safe(next))).cookie(cookies.open(operator.get()))
                .cookie(formCookie("", 0)).build();
    }

    /** Ends the session, when the form carries its CSRF token (another site cannot sign an operator out). */
    @POST
    @Path("cikis")
    public Response signOut(@FormParam("_csrf") String token) {
        Cookie session = request.getCookie(SessionCookie.NAME);
        boolean own = cookies.read(session == null ? null : session.getValue(), directory)
                .map(s -> token != null && MessageDigest.isEqual(cookies.csrfToken(s).getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8)))
                .orElse(true);
        if (!own) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.seeOther(URI.create("/giris")).cookie(cookies.close()).build();
    }

    private Response form(String next, String language, boolean refused) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String token = HexFormat.of().formatHex(nonce);
        Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("tr");
        String page = giris.data("next", safe(next)).data("csrf", token).data("refused", refused)
                .data("lang", locale.getLanguage()).setLocale(locale).render();
        return Response.status(refused ? 401 : 200).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(formCookie(token, 900)).build();
    }

    private NewCookie formCookie(String value, int maxAge) {
        return Cookies.strict(FORM_COOKIE, value, "/giris", maxAge, config.secureCookie());
    }

    /** Only a path of this console: never another site, nor a scheme-relative {@code //host}. */
    static String safe(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/giris")) {
            return "/";
        }
        return next;
    }
}

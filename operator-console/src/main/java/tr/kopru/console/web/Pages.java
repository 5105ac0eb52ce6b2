package tr.kopru.console.web;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import tr.kopru.console.ConsoleConfig;
import tr.kopru.console.auth.Cookies;
import tr.kopru.console.auth.CurrentSession;
import tr.kopru.console.auth.Session;
import tr.kopru.console.auth.SessionCookie;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Renders a page in the console's frame: the signed-in operator, their CSRF token for its forms, the language
 * ({@code ?dil=en} or the cookie it sets; Turkish by default) and the notice an action left (a flash cookie read
 * once). After an action the browser is sent back to a page ({@link #afterAction}), so that a reload repeats nothing.
 */
@RequestScoped
public class Pages {

    private static final String FLASH = "kopru_console_flash";
    private static final String LANGUAGE = "kopru_console_lang";

    private final HttpServerRequest request;
    private final CurrentSession current;
    private final SessionCookie cookies;
    private final ConsoleConfig config;

    public Pages(HttpServerRequest request, CurrentSession current, SessionCookie cookies, ConsoleConfig config) {
        this.request = request;
        this.current = current;
        this.cookies = cookies;
        this.config = config;
    }

    /** What an action left for the next page to say: whether it went well, and the words. */
    @TemplateData
    public record Notice(boolean ok, String text) {
    }

    /** {@code page}, the {@code nav} entry marked, in the operator's language. */
    public Response render(TemplateInstance page, String nav) {
        Session session = current.get();
        Locale locale = locale();
        Notice notice = notice();
        page.data("session", session).data("mayAct", session.role().mayAct()).data("csrf", cookies.csrfToken(session))
                .data("nav", nav).data("notice", notice).data("lang", locale.getLanguage())
                .data("otherLang", "tr".equals(locale.getLanguage()) ? "en" : "tr")
                .setLocale(locale);
        Response.ResponseBuilder response = Response.ok(page.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        if (notice != null) {
            response.cookie(cookie(FLASH, "", 0));
        }
        String asked = request.getParam("dil");
        if (asked != null) {
            response.cookie(cookie(LANGUAGE, locale.getLanguage(), 365 * 24 * 3600));
        }
        return response.build();
    }

    /** Back to {@code page} after an action, with what to say about it. */
    public Response afterAction(String page, boolean ok, String text) {
        String value = (ok ? "ok|" : "no|") + text;
        return Response.seeOther(URI.create(page)).cookie(cookie(FLASH,
                Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)), 60))
                .build();
    }

    /** The console's words in the operator's language, for text made outside templates. */
    public Messages messages() {
        return MessageBundles.get(Messages.class, Localized.Literal.of(locale().toLanguageTag()));
    }

    /** The operator's language: asked for with {@code ?dil=}, remembered in a cookie, Turkish by default. */
    public Locale locale() {
        String asked = request.getParam("dil");
        Cookie remembered = request.getCookie(LANGUAGE);
        String language = asked != null ? asked : remembered != null ? remembered.getValue() : "tr";
        return "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("tr");
    }

    private Notice notice() {
        Cookie flash = request.getCookie(FLASH);
        if (flash == null || flash.getValue().isEmpty()) {
            return null;
        }
        try {
            String value = new String(Base64.getUrlDecoder().decode(flash.getValue()), StandardCharsets.UTF_8);
            return new Notice(value.startsWith("ok|"), value.substring(value.indexOf('|') + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return Cookies.strict(name, value, "/", maxAge, config.secureCookie());
    }
}

package tr.kopru.console.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Every form that acts goes through here: the signed-in operator must be allowed to act (a viewer is not), and the
 * form must carry its session's CSRF token, which another site's page cannot know.
 */
@ApplicationScoped
public class ActionGuard {

    private final CurrentSession current;
    private final SessionCookie cookies;

    public ActionGuard(CurrentSession current, SessionCookie cookies) {
        this.current = current;
        this.cookies = cookies;
    }

    /** Refuses the action with 403 unless the operator may act and {@code csrf} is their session's token. */
    public Session allow(String csrf) {
        Session session = current.get();
        String expected = cookies.csrfToken(session);
        if (csrf == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                csrf.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("form without its session's CSRF token");
        }
        if (!session.role().mayAct()) {
            throw new ForbiddenException("viewer " + session.username() + " may not act");
        }
        return session;
    }
}

package tr.kopru.console.auth;

import jakarta.enterprise.context.RequestScoped;

/** The session of the request being served, set by {@link SessionFilter}. */
@RequestScoped
public class CurrentSession {

    private Session session;

    void set(Session session) {
        this.session = session;
    }

    /** The signed-in operator's session; every page but sign-in has one. */
    public Session get() {
        if (session == null) {
            throw new IllegalStateException("no session: SessionFilter lets no page through without one");
        }
        return session;
    }
}

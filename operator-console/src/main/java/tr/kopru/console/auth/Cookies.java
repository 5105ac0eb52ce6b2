package tr.kopru.console.auth;

import jakarta.ws.rs.core.NewCookie;

/** Every cookie the console sets: HttpOnly, SameSite=Strict, and Secure unless the local run says otherwise. */
public final class Cookies {

    private Cookies() {
    }

    /** A cookie for {@code path}; a max age of 0 removes it. */
    public static NewCookie strict(String name, String value, String path, int maxAgeSeconds, boolean secure) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge(maxAgeSeconds).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}

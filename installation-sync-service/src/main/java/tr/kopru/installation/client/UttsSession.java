package tr.kopru.installation.client;

import java.time.Instant;

/** A logged-in UTTS account: its access token until it expires, and the session cookie to send back. */
record UttsSession(String accessToken, Instant expiresAt, String cookie) {

    boolean usableAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}

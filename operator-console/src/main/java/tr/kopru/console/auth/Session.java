package tr.kopru.console.auth;

import io.quarkus.qute.TemplateData;

import java.time.Instant;

/** A signed-in operator's session, as its cookie carries it: who, in what role, until when, and its nonce. */
@TemplateData
public record Session(String username, String displayName, Role role, Instant expiresAt, String nonce) {
}

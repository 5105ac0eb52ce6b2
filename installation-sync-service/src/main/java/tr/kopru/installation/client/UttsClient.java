package tr.kopru.installation.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import tr.kopru.installation.config.UttsConfig;
import tr.kopru.runtime.tracing.Tracing;
import tr.kopru.runtime.upstream.UpstreamTargets;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads UTTS for each configured account: logs in, caches the access token until shortly before it expires, keeps
 * the session cookie, logs in again once when a read gets 401, honours 429 Retry-After, and retries reads (they are
 * idempotent) behind a circuit breaker per account.
 */
@ApplicationScoped
public class UttsClient {

    private static final Logger LOG = Logger.getLogger(UttsClient.class);

    private final UttsRestClient rest;
    private final UttsConfig config;
    private final ObjectMapper json;
    private final UttsPageReader pages;
    private final Clock clock;
    private final Map<String, UttsSession> sessions = new ConcurrentHashMap<>();
    /** The accounts share UTTS's one address, but each has a breaker of its own. */
    private final UpstreamTargets<UttsRestClient> accounts;

    public UttsClient(@RestClient UttsRestClient rest, UttsConfig config, ObjectMapper json, Clock clock,
                      Tracing tracing) {
        this.rest = rest;
        this.accounts = new UpstreamTargets<>("UTTS", account -> rest, UttsUnavailableException.class,
                new UpstreamTargets.BreakerSettings(10, 0.8, config.breakerDelay()), tracing);
        this.config = config;
        this.json = json;
        this.pages = new UttsPageReader(json);
        this.clock = clock;
    }

    /** One page of an account's installation records, behind the account's own breaker. */
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 4, delay = 500, jitter = 250, retryOn = UttsUnavailableException.class,
            abortOn = UttsLoginException.class)
    public Uni<UttsPage> page(String account, int pageNumber, int pageSize) {
        return accounts.guarded(account, UpstreamTargets.Call.READ, "installation-progresses",
                () -> Uni.createFrom().deferred(() ->
                        unguardedPage(account, pageNumber, pageSize)));
    }

    private Uni<UttsPage> unguardedPage(String account, int pageNumber, int pageSize) {
        return session(account)
                .chain(session -> read(account, session, pageNumber, pageSize))
                .onFailure(TokenRejected.class).recoverWithUni(() -> {
                    LOG.infof("UTTS refused the token of account %s; logging in again", account);
                    sessions.remove(account);
                    return session(account).chain(session -> read(account, session, pageNumber, pageSize))
                            .onFailure(TokenRejected.class).transform(t ->
                                    new UttsUnavailableException("UTTS refused a fresh token of account " + account));
                });
    }

    private Uni<UttsSession> session(String account) {
        UttsSession cached = sessions.get(account);
        if (cached != null && cached.usableAt(clock.instant())) {
            return Uni.createFrom().item(cached);
        }
        UttsConfig.Account credentials = config.accounts().get(account);
        if (credentials == null) {
            return Uni.createFrom().failure(new UttsLoginException("No UTTS account named " + account));
        }
        return rest.login(new UttsRestClient.LoginRequest(credentials.email(), credentials.password()))
                .onFailure(f -> !(f instanceof UttsLoginException))
                .transform(f -> new UttsUnavailableException("UTTS login failed: " + f.getMessage(), f))
                .map(response -> loggedIn(account, response));
    }

    private UttsSession loggedIn(String account, Response response) {
        JsonNode body = body(response, "login");
        if (response.getStatus() >= 500 || response.getStatus() == 429) {
            throw new UttsUnavailableException("UTTS login answered " + response.getStatus());
        }
        if (body.has("succeeded") && !body.path("succeeded").asBoolean()) {
            throw new UttsLoginException("UTTS refused the login of account " + account + ": "
                    + UttsErrors.message(body.path("errors")));
        }
        JsonNode token = body.has("item") && body.path("item").isObject() ? body.path("item") : body;
        String accessToken = token.path("accessToken").asText(null);
        if (accessToken == null) {
            throw new UttsUnavailableException("UTTS login answer carries no accessToken");
        }
        long expiresIn = token.path("expiresIn").asLong(300);
        Duration margin = config.tokenRenewalMargin();
        Duration lifetime = Duration.ofSeconds(expiresIn);
        Duration usable = lifetime.compareTo(margin.multipliedBy(2)) > 0 ? lifetime.minus(margin) : lifetime.dividedBy(2);
        UttsSession session = new UttsSession(accessToken, clock.instant().plus(usable), cookie(response, null));
        sessions.put(account, session);
        return session;
    }

    private Uni<UttsPage> read(String account, UttsSession session, int pageNumber, int pageSize) {
        return rest.installationProgresses("Bearer " + session.accessToken(), session.cookie(), pageNumber, pageSize)
                .onFailure().transform(f -> new UttsUnavailableException("UTTS read failed: " + f.getMessage(), f))
                // A page is a megabyte of JSON: it is parsed on a worker, so the event loop keeps fetching and writing.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .chain(response -> {
                    int status = response.getStatus();
                    if (status == 401) {
                        return Uni.createFrom().failure(new TokenRejected());
                    }
                    if (status == 429) {
                        Duration wait = retryAfter(response);
                        LOG.infof("UTTS throttled account %s; waiting %d s as asked", account, wait.toSeconds());
                        return Uni.createFrom().<UttsPage>failure(new UttsUnavailableException("UTTS answered 429"))
                                .onFailure().call(() -> Uni.createFrom().voidItem().onItem().delayIt().by(wait));
                    }
                    if (status >= 400) {
                        return Uni.createFrom().failure(new UttsUnavailableException("UTTS answered " + status));
                    }
                    String cookie = cookie(response, session.cookie());
                    if (cookie != null && !cookie.equals(session.cookie())) {
                        sessions.put(account, new UttsSession(session.accessToken(), session.expiresAt(), cookie));
                    }
                    return Uni.createFrom().item(pages.read(bytes(response), pageNumber, pageSize));
                });
    }

    /** The answer's bytes: Jackson's UTF-8 parser reads them without an intermediate String of the whole page. */
    private static byte[] bytes(Response response) {
        byte[] bytes = response.readEntity(byte[].class);
        return bytes == null ? new byte[0] : bytes;
    }

    private JsonNode body(Response response, String what) {
        try {
            byte[] bytes = bytes(response);
            JsonNode node = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
            return node == null ? json.createObjectNode() : node;
        } catch (Exception e) {
            throw new UttsUnavailableException("UTTS " + what + " answer is not JSON: " + e.getMessage(), e);
        }
    }

    private Duration retryAfter(Response response) {
        try {
            Duration asked = Duration.ofSeconds(Long.parseLong(response.getHeaderString("Retry-After").trim()));
            return asked.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : asked;
        } catch (RuntimeException e) {
            return Duration.ofSeconds(1);
        }
    }

    /** The lena_session_cookie UTTS set, or {@code current} when it set none. */
    private static String cookie(Response response, String current) {
        List<String> cookies = response.getStringHeaders().get(HttpHeaders.SET_COOKIE);
        if (cookies == null) {
            return current;
        }
        return cookies.stream().filter(c -> c.startsWith("lena_session_cookie="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElse(current);
    }

    /** A 401 on a read: the token was refused. */
    private static final class TokenRejected extends RuntimeException {
        TokenRejected() {
            super("token refused", null, false, false);
        }
    }
}

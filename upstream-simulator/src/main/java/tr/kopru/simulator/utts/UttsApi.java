package tr.kopru.simulator.utts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import tr.kopru.simulator.Json;
import tr.kopru.simulator.fault.FaultInjector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * UTTS: {@code POST /users/login} and {@code GET /support-operations/installation-progresses}, with the wrapped
 * envelopes, case-insensitive paging parameters, the session cookie and the optional filters of the real API.
 */
public final class UttsApi {

    public static final int MAX_PAGE_SIZE = 1000;
    private static final String UPSTREAM = "utts";
    private static final String COOKIE = "lena_session_cookie";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Map<String, UttsAccount> accountsByEmail = new ConcurrentHashMap<>();
    private final Map<Integer, UttsAccount> accountsByIndex = new ConcurrentHashMap<>();
    private final UttsTokens tokens;
    private final InstallationGenerator generator;
    private final FaultInjector faults;
    private volatile long tokenLifetimeSeconds;

    public UttsApi(UttsTokens tokens, InstallationGenerator generator, FaultInjector faults, long tokenLifetimeSeconds) {
        this.tokens = tokens;
        this.generator = generator;
        this.faults = faults;
        this.tokenLifetimeSeconds = tokenLifetimeSeconds;
    }

    public void mount(Router router) {
        router.post("/users/login").handler(ctx -> faults.handle(ctx, UPSTREAM, "login", null,
                (c, drop) -> login(c), UttsApi::upstreamError));
        router.get("/support-operations/installation-progresses").handler(ctx -> faults.handle(ctx, UPSTREAM,
                "installation-progresses", account(ctx).map(UttsAccount::email).orElse(null),
                (c, after) -> installations(c, after.shiftListing()), UttsApi::upstreamError));
    }

    public void replaceAccounts(List<UttsAccount> accounts, long tokenLifetime) {
        accountsByEmail.clear();
        accountsByIndex.clear();
        accounts.forEach(a -> {
            accountsByEmail.put(a.email().toLowerCase(), a);
            accountsByIndex.put(a.index(), a);
        });
        this.tokenLifetimeSeconds = tokenLifetime;
    }

    public List<UttsAccount> accounts() {
        return List.copyOf(accountsByIndex.values());
    }

    private void login(RoutingContext ctx) {
        JsonNode body = Json.parse(ctx.body().asString());
        String email = body == null ? "" : body.path("email").asText("").toLowerCase();
        String password = body == null ? "" : body.path("password").asText("");
        UttsAccount account = accountsByEmail.get(email);
        if (account == null || !account.password().equals(password)) {
            ObjectNode failed = envelope(null, false);
            failed.putArray("errors").add("E-posta adresi veya şifre hatalı.");
            failed.put("code", 400);
            json(ctx, 200, failed);
            return;
        }
        ObjectNode item = Json.object()
                .put("tokenType", "Bearer")
                .put("accessToken", tokens.issue(account, tokenLifetimeSeconds, "access"))
                .put("expiresIn", tokenLifetimeSeconds)
                .put("refreshToken", tokens.issue(account, tokenLifetimeSeconds * 24, "refresh"));
        item.putObject("user")
                .put("id", UUID.nameUUIDFromBytes(account.email().getBytes()).toString())
                .put("emailConfirmed", true)
                .put("phoneNumberConfirmed", false)
                .putNull("phoneNumber");
        ctx.response().addCookie(Cookie.cookie(COOKIE, UUID.randomUUID().toString()).setPath("/").setHttpOnly(true));
        json(ctx, 200, envelope(item, true));
    }

    /** The account whose valid bearer token the call carries. */
    private Optional<UttsAccount> account(RoutingContext ctx) {
        return Optional.ofNullable(ctx.request().getHeader("Authorization"))
                .filter(h -> h.startsWith("Bearer "))
                .flatMap(h -> tokens.verify(h.substring(7)))
                .map(accountsByIndex::get);
    }

    /** A page of the account's installations, cut after its listing has shifted by {@code shift} records. */
    private void installations(RoutingContext ctx, int shift) {
        Optional<UttsAccount> account = account(ctx);
        if (account.isEmpty()) {
            ObjectNode unauthorized = envelope(null, false).put("errors", "Unauthorized").put("code", 401);
            json(ctx, 401, unauthorized);
            return;
        }
        if (shift != 0) {
            generator.shift(account.get(), shift);
        }
        int pageNumber;
        int pageSize;
        try {
            pageNumber = Integer.parseInt(param(ctx, "PageNumber").orElse("1"));
            pageSize = Integer.parseInt(param(ctx, "PageSize").orElse("10"));
        } catch (NumberFormatException e) {
            badRequest(ctx, "PageNumber and PageSize must be numbers");
            return;
        }
        if (pageNumber < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            badRequest(ctx, "PageSize must be between 1 and " + MAX_PAGE_SIZE + "; PageNumber starts at 1");
            return;
        }
        Predicate<JsonNode> filter;
        try {
            filter = filter(ctx);
        } catch (DateTimeParseException e) {
            badRequest(ctx, "Dates are dd.MM.yyyy: " + e.getParsedString());
            return;
        }
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Buffer.buffer(page(account.get(), pageNumber, pageSize, filter)));
    }

    /** The wrapped envelope of one page, streamed record by record: a page of a thousand is never a tree. */
    private byte[] page(UttsAccount account, int pageNumber, int pageSize, Predicate<JsonNode> filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pageSize * 1200);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            long total = generator.count(account);
            long start = (long) (pageNumber - 1) * pageSize;
            long matching;
            json.writeStartObject();
            json.writeObjectFieldStart("item");
            json.writeArrayFieldStart("items");
            if (filter == null) {
                matching = total;
                for (long row = start; row < Math.min(total, start + pageSize); row++) {
                    generator.write(json, account, row);
                }
            } else {
                matching = 0;
                for (long row = 0; row < total; row++) {
                    ObjectNode record = generator.record(account, row);
                    if (filter.test(record)) {
                        if (matching >= start && matching < start + pageSize) {
                            json.writeTree(record);
                        }
                        matching++;
                    }
                }
            }
            json.writeEndArray();
            long totalPages = (matching + pageSize - 1) / pageSize;
            json.writeNumberField("pageNumber", pageNumber);
            json.writeNumberField("pageSize", pageSize);
            json.writeNumberField("totalCount", matching);
            json.writeNumberField("totalPages", totalPages);
            json.writeBooleanField("hasPreviousPage", pageNumber > 1);
            json.writeBooleanField("hasNextPage", pageNumber < totalPages);
            json.writeEndObject();
            json.writeBooleanField("succeeded", true);
            json.writeNullField("errors");
            json.writeNullField("code");
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The optional filters; null when none is given. */
    private static Predicate<JsonNode> filter(RoutingContext ctx) {
        Predicate<JsonNode> filter = null;
        for (String[] exact : new String[][] {{"InstallationCode", "installationCode"},
                {"LicensePlate", "licensePlate"}, {"ReferenceNumber", "ttbServiceReferenceNumber"}}) {
            Optional<String> value = param(ctx, exact[0]);
            if (value.isPresent()) {
                String wanted = normalise(value.get());
                filter = and(filter, r -> normalise(r.path(exact[1]).asText()).equals(wanted));
            }
        }
        Optional<String> status = param(ctx, "VehicleOrderInstallationStatus");
        if (status.isPresent()) {
            String wanted = status.get();
            filter = and(filter, r -> wanted.equals(r.path("vehicleOrderInstallationStatusId").asText())
                    || wanted.equalsIgnoreCase(r.path("vehicleOrderInstallationStatus").asText()));
        }
        Optional<LocalDate> from = param(ctx, "StartActivationDate").map(UttsApi::date);
        Optional<LocalDate> to = param(ctx, "EndActivationDate").map(UttsApi::date);
        if (from.isPresent() || to.isPresent()) {
            filter = and(filter, r -> {
                if (r.path("activationDateString").isNull()) {
                    return false;
                }
                LocalDate activated = LocalDate.parse(r.path("activationDateString").asText(), DATE);
                return from.map(f -> !activated.isBefore(f)).orElse(true)
                        && to.map(t -> !activated.isAfter(t)).orElse(true);
            });
        }
        return filter;
    }

    private static LocalDate date(String text) {
        return text.contains("-") ? LocalDate.parse(text.substring(0, 10)) : LocalDate.parse(text, DATE);
    }

    private static Predicate<JsonNode> and(Predicate<JsonNode> left, Predicate<JsonNode> right) {
        return left == null ? right : left.and(right);
    }

    private static String normalise(String value) {
        return value.replace(" ", "").toUpperCase();
    }

    /** Query parameters are case-insensitive, as on the real API. */
    private static Optional<String> param(RoutingContext ctx, String name) {
        return ctx.queryParams().names().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst()
                .map(n -> ctx.queryParams().get(n)).filter(v -> !v.isBlank());
    }

    private static ObjectNode envelope(JsonNode item, boolean succeeded) {
        ObjectNode envelope = Json.object();
        envelope.set("item", item);
        envelope.put("succeeded", succeeded);
        envelope.putNull("errors");
        envelope.putNull("code");
        return envelope;
    }

    private static void badRequest(RoutingContext ctx, String message) {
        ObjectNode body = envelope(null, false);
        body.putObject("errors").putArray("PageSize").add(message);
        body.put("code", 400);
        json(ctx, 400, body);
    }

    private static void upstreamError(RoutingContext ctx, String code) {
        ObjectNode body = envelope(null, false).put("errors", "Injected UTTS error " + code).put("code", code);
        json(ctx, 200, body);
    }

    static void json(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Buffer.buffer(Json.writeBytes(body)));
    }
}

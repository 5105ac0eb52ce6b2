package tr.kopru.simulator.flexcity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import tr.kopru.simulator.Json;
import tr.kopru.simulator.SimulatorClock;
import tr.kopru.simulator.fault.AfterWork;
import tr.kopru.simulator.fault.FaultInjector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FlexCity "Sıcak Tahsilat": every documented method as a form-encoded POST under
 * {@code /flexcity/{institution}/FlexCityUi/rest/json/{sbs|bgs|ays}/{Method}}, each institution with its own keys.
 * The signed {@code Authorization} header is verified on every call.
 */
public final class FlexCityApi {

    private static final String UPSTREAM = "flexcity";
    /** How far a request date may be from the simulator's now. */
    private static final Duration REQUEST_DATE_TOLERANCE = Duration.ofMinutes(5);

    @FunctionalInterface
    private interface Method {
        ObjectNode call(FlexCityInstitution institution, Form form);
    }

    private final Map<String, FlexCityInstitution> institutions = new ConcurrentHashMap<>();
    private final Map<String, Method> methods = new HashMap<>();
    private final SimulatorClock clock;
    private final FaultInjector faults;

    public FlexCityApi(SimulatorClock clock, FaultInjector faults) {
        this.clock = clock;
        this.faults = faults;
        methods.put("sbs/FindAllSbsMuhatapGenel", LookupMethods::findTaxpayers);
        methods.put("bgs/FindBgsBeyanDetayDto", LookupMethods::findDeclaration);
        methods.put("sbs/FindALLSbsBirlesenMuhatapBilgileriDtoByTarihAraligi", LookupMethods::findMerges);
        methods.put("bgs/FindBorcSorgu", (i, f) -> LookupMethods.findDebts(i, f, clock.today()));
        methods.put("bgs/FindAllBorcSorgu", (i, f) -> LookupMethods.findDebtsOfDeclarations(i, f, clock.today()));
        methods.put("bgs/TahsilKaydiOlusturByFatura", (i, f) -> CollectionMethods.collect(i, f, clock));
        methods.put("bgs/TahsilKaydiIptalEdilebilir", (i, f) -> CollectionMethods.checkCancellable(i, f, clock));
        methods.put("bgs/TahsilKaydiIptalEt", (i, f) -> CollectionMethods.cancel(i, f, clock));
        methods.put("bgs/TahsilSorgulaByIslemNo", CollectionMethods::findByTransactionNo);
        methods.put("bgs/TahsilIcmali", CollectionMethods::dailyTotals);
        methods.put("bgs/TahsilIcmaliDetay", CollectionMethods::dailyReceipts);
        methods.put("ays/FindSicilAndBeyanIdByParameterDto", LookupMethods::findSubscriber);
        methods.put("ays/FindAysSozlesmeTesisatNoByAboneNoAndSicil", LookupMethods::findSubscriberByOldNumbers);
    }

    public void mount(Router router) {
        router.post("/flexcity/:institution/FlexCityUi/rest/json/:module/:method").handler(ctx -> {
            String name = ctx.pathParam("method");
            faults.handle(ctx, UPSTREAM, name, ctx.pathParam("institution"), this::call, FlexCityApi::error);
        });
    }

    public void replaceInstitutions(List<FlexCityScenario> scenarios) {
        institutions.clear();
        scenarios.forEach(s -> institutions.put(s.code(), FlexCityData.generate(s, clock.today())));
    }

    public FlexCityInstitution institution(String code) {
        return institutions.get(code);
    }

    public Map<String, FlexCityInstitution> institutions() {
        return Map.copyOf(institutions);
    }

    private void call(RoutingContext ctx, AfterWork after) {
        FlexCityInstitution institution = institutions.get(ctx.pathParam("institution"));
        if (institution == null) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        Method method = methods.get(ctx.pathParam("module") + "/" + ctx.pathParam("method"));
        if (method == null) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        try {
            verifySignature(institution, ctx.request().getHeader("Authorization"));
            ObjectNode result = method.call(institution, new Form(ctx.request().formAttributes()));
            if (after.drop()) {
                ctx.request().connection().close();
                return;
            }
            if ("http500".equals(after.error())) {
                FaultInjector.http500(ctx);
                return;
            }
            if (after.error() != null) {
                error(ctx, after.error());
                return;
            }
            result.put("resultCode", "0000").put("resultMessage", "İşlem Başarılı").put("success", true);
            respond(ctx, result);
        } catch (FlexCityError e) {
            error(ctx, e.code(), e.getMessage());
        }
    }

    /** md5(security code + request date), a known application key, and a request date near now. */
    private void verifySignature(FlexCityInstitution institution, String header) {
        Map<String, String> parts = new HashMap<>();
        if (header != null) {
            for (String part : header.split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    parts.put(part.substring(0, eq).trim().toLowerCase(), part.substring(eq + 1).trim());
                }
            }
        }
        if (!institution.applicationKey.equals(parts.get("applicationkey"))) {
            throw new FlexCityError("0003");
        }
        String requestDate = parts.getOrDefault("requestdate", "");
        try {
            OffsetDateTime sent = OffsetDateTime.parse(requestDate, FlexCityDates.ISO);
            if (Duration.between(sent.toInstant(), clock.now()).abs().compareTo(REQUEST_DATE_TOLERANCE) > 0) {
                throw new FlexCityError("0007");
            }
        } catch (DateTimeParseException e) {
            throw new FlexCityError("0007");
        }
        if (!md5(institution.securityCode + requestDate).equalsIgnoreCase(parts.getOrDefault("md5hashcode", ""))) {
            throw new FlexCityError("0007");
        }
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(RoutingContext ctx, String code) {
        error(ctx, code, FlexCityError.MESSAGES.getOrDefault(code, "Hata").replace("%s", "").trim());
    }

    private static void error(RoutingContext ctx, String code, String message) {
        respond(ctx, Json.object().put("resultCode", code).put("resultMessage", message).put("success", false));
    }

    private static void respond(RoutingContext ctx, ObjectNode body) {
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Buffer.buffer(Json.writeBytes(body)));
    }
}

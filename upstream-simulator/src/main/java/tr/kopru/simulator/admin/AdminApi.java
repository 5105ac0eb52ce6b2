package tr.kopru.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import tr.kopru.simulator.Json;
import tr.kopru.simulator.SimulatorClock;
import tr.kopru.simulator.fault.Fault;
import tr.kopru.simulator.fault.FaultInjector;
import tr.kopru.simulator.fault.FaultRegistry;
import tr.kopru.simulator.flexcity.FlexCityApi;
import tr.kopru.simulator.flexcity.FlexCityInstitution;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Control of the simulator under {@code /admin}: seed a scenario or reset, set faults per upstream and method, move
 * the clock, advance UTTS time, book a collection FlexCity has but we never sent, list open invoices.
 */
public final class AdminApi {

    private final SimulatorState state;
    private final FaultRegistry faults;
    private final SimulatorClock clock;
    private final FlexCityApi flexCity;
    private final FaultInjector injector;

    public AdminApi(SimulatorState state, FaultRegistry faults, SimulatorClock clock, FlexCityApi flexCity,
                    FaultInjector injector) {
        this.state = state;
        this.faults = faults;
        this.clock = clock;
        this.flexCity = flexCity;
        this.injector = injector;
    }

    public void mount(Router router) {
        router.get("/admin/health").handler(ctx -> ok(ctx, Json.object().put("status", "UP")));
        router.post("/admin/reset").handler(ctx -> {
            state.apply(Scenario.standard());
            faults.clear();
            clock.reset();
            injector.clearCalls();
            ok(ctx, Json.object().put("reset", true));
        });
        router.post("/admin/scenario").handler(ctx -> body(ctx, Scenario.class, scenario -> {
            state.apply(scenario);
            ok(ctx, Json.MAPPER.valueToTree(scenario));
        }));
        router.get("/admin/scenario").handler(ctx -> ok(ctx, Json.MAPPER.valueToTree(state.scenario())));
        router.put("/admin/faults/:upstream/:method").handler(ctx -> body(ctx, Fault.class, fault -> {
            faults.set(ctx.pathParam("upstream"), ctx.pathParam("method"), fault);
            ok(ctx, Json.MAPPER.valueToTree(faults.all()));
        }));
        router.delete("/admin/faults").handler(ctx -> {
            faults.clear();
            ok(ctx, Json.object());
        });
        router.post("/admin/clock").handler(ctx -> body(ctx, JsonNode.class, body -> {
            clock.set(OffsetDateTime.parse(body.path("now").asText()).toInstant());
            ok(ctx, Json.object().put("now", clock.nowInTurkey().toString()));
        }));
        router.delete("/admin/clock").handler(ctx -> {
            clock.reset();
            ok(ctx, Json.object().put("now", clock.nowInTurkey().toString()));
        });
        router.post("/admin/utts/advance").handler(ctx -> body(ctx, JsonNode.class, body -> {
            state.installations().advance(body.path("generations").asInt(1));
            ok(ctx, Json.object().put("generation", state.installations().generation()));
        }));
        router.post("/admin/utts/corrupt").handler(ctx -> body(ctx, JsonNode.class, body -> {
            state.installations().corrupt(body.path("row").asLong());
            ok(ctx, Json.object().put("corrupted_row", body.path("row").asLong()));
        }));
        router.get("/admin/utts/installations").handler(this::uttsInstallations);
        router.get("/admin/calls").handler(ctx -> ok(ctx, Json.MAPPER.valueToTree(injector.calls())));
        router.get("/admin/flexcity/:institution/invoices").handler(this::openInvoices);
        router.post("/admin/flexcity/:institution/collections").handler(this::bookCollection);
        router.get("/admin/flexcity/:institution/collections").handler(this::bookings);
        router.get("/admin/flexcity/:institution/merges").handler(this::merges);
        router.get("/admin/flexcity/:institution/declarations").handler(this::declarations);
        router.post("/admin/flexcity/:institution/collections/bulk").handler(this::bookMany);
    }

    /**
     * Books {@code count} synthetic collections on a desk and day for benchmarks: collection i has transaction number
     * prefix+i, id first_id+i and amount 10.00 + (i mod 1000) * 0.01; indices in {@code skip} are left out, those in
     * {@code duplicate} are booked a second time under the same transaction number.
     */
    private void bookMany(RoutingContext ctx) {
        FlexCityInstitution institution = flexCity.institution(ctx.pathParam("institution"));
        if (institution == null) {
            problem(ctx, 404, "No such institution");
            return;
        }
        body(ctx, JsonNode.class, body -> {
            Set<Long> skip = new HashSet<>();
            body.path("skip").forEach(n -> skip.add(n.asLong()));
            Set<Long> duplicate = new HashSet<>();
            body.path("duplicate").forEach(n -> duplicate.add(n.asLong()));
            int booked = institution.bookSynthetic(body.path("desk_id").asLong(), LocalDate.parse(body.path("day").asText()),
                    body.path("count").asLong(), body.path("transaction_prefix").asText(), body.path("first_id").asLong(),
                    skip, duplicate, clock.now());
            ok(ctx, Json.object().put("booked", booked));
        });
    }

    /**
     * Every installation UTTS lists now for the account {@code ?account=} (its e-mail), each as its id, status id
     * and installation code, in listing order: what a mirror of it must hold after a full sync.
     */
    private void uttsInstallations(RoutingContext ctx) {
        String email = ctx.queryParams().get("account");
        var account = state.uttsAccounts().stream().filter(a -> a.email().equalsIgnoreCase(String.valueOf(email)))
                .findFirst();
        if (account.isEmpty()) {
            problem(ctx, 404, "No such UTTS account: " + email);
            return;
        }
        ArrayNode list = Json.MAPPER.createArrayNode();
        long count = state.installations().count(account.get());
        for (long row = 0; row < count; row++) {
            JsonNode record = state.installations().record(account.get(), row);
            list.addObject().put("id", record.path("vehicleOrderInstallationId").asLong())
                    .put("status_id", record.path("vehicleOrderInstallationStatusId").asInt())
                    .put("installation_code", record.path("installationCode").asText());
        }
        ok(ctx, list);
    }

    /** The declaration ids of an institution, for benchmarks that register instructions in bulk. */
    private void declarations(RoutingContext ctx) {
        list(ctx, institution -> institution.declarationIds().stream().map(id -> (JsonNode) Json.MAPPER.valueToTree(id))
                .toList());
    }

    private void openInvoices(RoutingContext ctx) {
        list(ctx, institution -> institution.openInvoices(clock.today()));
    }

    /** The collections FlexCity booked (of one invoice with {@code ?invoice_number=}), cancelled ones included. */
    private void bookings(RoutingContext ctx) {
        list(ctx, institution -> institution.bookings(ctx.queryParams().get("invoice_number")));
    }

    /** The taxpayer merges (BIRLESTIRILDI) and splits (AYRILDI) FlexCity reports. */
    private void merges(RoutingContext ctx) {
        list(ctx, FlexCityInstitution::mergesAsJson);
    }

    /** Answers what {@code items} makes of the path's institution as a JSON array; 404 for an unknown one. */
    private void list(RoutingContext ctx, Function<FlexCityInstitution, List<? extends JsonNode>> items) {
        FlexCityInstitution institution = flexCity.institution(ctx.pathParam("institution"));
        if (institution == null) {
            problem(ctx, 404, "No such institution");
            return;
        }
        ArrayNode list = Json.MAPPER.createArrayNode();
        items.apply(institution).forEach(list::add);
        ok(ctx, list);
    }

    private void bookCollection(RoutingContext ctx) {
        FlexCityInstitution institution = flexCity.institution(ctx.pathParam("institution"));
        if (institution == null) {
            problem(ctx, 404, "No such institution");
            return;
        }
        body(ctx, JsonNode.class, body -> {
            LocalDate day = body.hasNonNull("day") ? LocalDate.parse(body.path("day").asText()) : clock.today();
            ok(ctx, institution.bookDirectlyAsJson(body.path("desk_id").asLong(), body.path("invoice_number").asText(),
                    body.hasNonNull("transaction_no") ? body.path("transaction_no").asText() : null, day, clock.now()));
        });
    }

    private static <T> void body(RoutingContext ctx, Class<T> type, Consumer<T> action) {
        try {
            action.accept(Json.MAPPER.readValue(ctx.body().asString(), type));
        } catch (Exception e) {
            problem(ctx, 400, "Bad request: " + e.getMessage());
        }
    }

    private static void ok(RoutingContext ctx, JsonNode body) {
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(Json.write(body));
    }

    private static void problem(RoutingContext ctx, int status, String message) {
        ObjectNode body = Json.object().put("message", message);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(Json.write(body));
    }
}

package tr.kopru.simulator.customs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import tr.kopru.simulator.Json;
import tr.kopru.simulator.SimulatorClock;
import tr.kopru.simulator.fault.FaultInjector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The customs declaration API: {@code PUT /api/v1/declarations/{id}} applies a partial update (a field set to
 * null becomes null, an absent field is left alone) and answers 204, or 200 with the declaration when so
 * configured; {@code GET} reads a declaration back, with the updates it received and the headers they came
 * with, for tests.
 */
public final class CustomsApi {

    private static final String UPSTREAM = "customs";

    private final Map<String, ObjectNode> declarations = new ConcurrentHashMap<>();
    private final SimulatorClock clock;
    private final FaultInjector faults;
    private volatile CustomsScenario scenario;

    public CustomsApi(SimulatorClock clock, FaultInjector faults) {
        this.clock = clock;
        this.faults = faults;
    }

    public void mount(Router router) {
        router.put("/api/v1/declarations/:id").handler(ctx -> faults.handle(ctx, UPSTREAM, "update",
                ctx.request().getHeader("X-Target-Server"), (c, drop) -> update(c), CustomsApi::injectedError));
        router.get("/api/v1/declarations/:id").handler(this::read);
    }

    public void replace(CustomsScenario scenario) {
        this.scenario = scenario;
        declarations.clear();
        for (int i = 1; i <= scenario.declarations(); i++) {
            String id = "DEC-%04d".formatted(i);
            ObjectNode declaration = Json.object().put("id", id);
            declaration.putArray("updates");
            declarations.put(id, declaration);
        }
    }

    private void update(RoutingContext ctx) {
        if (!authorised(ctx)) {
            return;
        }
        ObjectNode declaration = declarations.get(ctx.pathParam("id"));
        if (declaration == null) {
            problem(ctx, 404, "Declaration not found");
            return;
        }
        String contentType = ctx.request().getHeader("Content-Type");
        JsonNode body = Json.parse(ctx.body().asString());
        if (contentType == null || !contentType.startsWith("application/json") || body == null || !body.isObject()
                || body.isEmpty()) {
            problem(ctx, 400, "The body must be a non-empty JSON object sent as application/json");
            return;
        }
        synchronized (declaration) {
            body.fields().forEachRemaining(field -> declaration.set(field.getKey(), field.getValue()));
            ArrayNode updates = (ArrayNode) declaration.get("updates");
            updates.addObject().put("received_at", clock.now().toString())
                    .put("target_server", ctx.request().getHeader("X-Target-Server"))
                    .put("authorization", ctx.request().getHeader("Authorization"))
                    .put("content_type", contentType).put("raw_body", ctx.body().asString()).set("body", body);
        }
        if (scenario.answerWithBody()) {
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .end(Json.write(withoutHistory(declaration)));
        } else {
            ctx.response().setStatusCode(204).end();
        }
    }

    private void read(RoutingContext ctx) {
        if (!authorised(ctx)) {
            return;
        }
        ObjectNode declaration = declarations.get(ctx.pathParam("id"));
        if (declaration == null) {
            problem(ctx, 404, "Declaration not found");
            return;
        }
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(Json.write(declaration));
    }

    private boolean authorised(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.equals("Bearer " + scenario.token())) {
            problem(ctx, 401, "Invalid or missing bearer token");
            return false;
        }
        String target = ctx.request().getHeader("X-Target-Server");
        if (target == null || !scenario.targetServers().contains(target)) {
            problem(ctx, 400, "X-Target-Server is missing or unknown");
            return false;
        }
        return true;
    }

    private static ObjectNode withoutHistory(ObjectNode declaration) {
        ObjectNode copy = declaration.deepCopy();
        copy.remove("updates");
        return copy;
    }

    private static void injectedError(RoutingContext ctx, String code) {
        problem(ctx, Integer.parseInt(code), "Injected customs error");
    }

    private static void problem(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(Json.write(Json.object().put("status", status).put("message", message)));
    }
}

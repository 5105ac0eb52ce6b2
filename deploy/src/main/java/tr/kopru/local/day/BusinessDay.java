package tr.kopru.local.day;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tr.kopru.model.Topics;
import tr.kopru.model.json.ContractJson;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A business day on the running platform, driven through the services' public APIs and watched on the topics:
 * installations synced, standing instructions scanned and paid, collections made (one through an upstream timeout),
 * one cancelled, a day reconciled with one planted discrepancy, a customs declaration updated. Each step says what
 * it did and checks its outcome; the first outcome that is not as expected ends the walk-through with exit code 1.
 */
public final class BusinessDay {

    static final String DEMO_KEY = "kopru-local-demo-key";
    static final String INSTALLATIONS = "http://localhost:8081";
    static final String COLLECTIONS = "http://localhost:8082";
    static final String RECONCILIATION = "http://localhost:8083";
    static final String DECLARATIONS = "http://localhost:8084";
    static final String SIMULATOR = "http://localhost:8090";
    static final String CITY = "ornek-belediye";
    static final long CITY_DESK = 31;
    static final String WATER = "deneme-su";
    private static final int INSTRUCTED = 300;
    private static final int AUTO_PAY = 40;
    private static final int API_COLLECTIONS = 20;

    private final DayHttp http = new DayHttp(DEMO_KEY);
    private final Narrator narrator = new Narrator();
    private final TopicCounts topics;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Istanbul"));

    private BusinessDay(TopicCounts topics) {
        this.topics = topics;
    }

    /** Walks through the day against the platform whose Kafka is at {@code kafka}; answers the exit code. */
    public static int walk(String kafka) {
        try (TopicCounts topics = new TopicCounts(kafka)) {
            new BusinessDay(topics).walk();
            System.out.println("\nThe business day went as expected.");
            return 0;
        } catch (WalkthroughFailure failure) {
            System.out.println("   ✘ " + failure.getMessage());
            System.out.println("\nThe business day did NOT go as expected; the services' logs are in .kopru/logs/.");
            return 1;
        }
    }

    private void walk() {
        requireFreshPlatform();
        syncInstallations();
        List<JsonNode> invoices = scanStandingInstructions();
        List<String> collected = collectThroughTheApi(invoices);
        resolveTimeoutAfterCommit(invoices.get(API_COLLECTIONS));
        cancelOne(collected.get(0));
        reconcile(invoices.get(API_COLLECTIONS + 1));
        updateDeclaration();
        new DaySummary(http, topics, narrator, today).print();
    }

    private void requireFreshPlatform() {
        narrator.step("Preparing: a fresh platform and a larger simulated day");
        long instructions = http.get(COLLECTIONS + "/api/v1/standing-instructions?limit=1").body()
                .path("pagination").path("total_count").asLong(-1);
        narrator.check(instructions == 0, "the platform is fresh (no standing instructions yet)", instructions
                + " instructions; the walk-through needs a fresh platform: ./kopru down && ./kopru day");
        ObjectNode scenario = (ObjectNode) http.get(SIMULATOR + "/admin/scenario").body();
        for (JsonNode institution : scenario.path("institutions")) {
            if (institution.path("code").asText().equals(WATER)) {
                ((ObjectNode) institution).put("taxpayers", 250);
            }
        }
        narrator.check(http.post(SIMULATOR + "/admin/scenario", scenario).status() == 200,
                "the simulator holds a day of " + WATER + " with 250 taxpayers", "");
    }

    private void syncInstallations() {
        narrator.step("Installations: UTTS moves on a generation; sync two accounts; count installation-events");
        http.post(SIMULATOR + "/admin/utts/advance", Map.of("generations", 1));
        for (String account : List.of("servis-a", "servis-b")) {
            JsonNode run = sync(account);
            narrator.check(run.path("status").asText().equals("SUCCEEDED"), "sync of " + account + " succeeded: "
                    + run.path("records_seen") + " records, " + run.path("new_records") + " new, "
                    + run.path("changed") + " changed, " + run.path("unchanged") + " unchanged, "
                    + run.path("rejected") + " rejected", run);
        }
        long expected = 0;
        for (JsonNode run : http.get(INSTALLATIONS + "/api/v1/sync-runs?limit=1000").data()) {
            expected += run.path("new_records").asLong() + run.path("changed").asLong();
        }
        long want = expected;
        long published = narrator.await("installation events", Duration.ofSeconds(60),
                () -> topics.count(Topics.INSTALLATION_EVENTS), n -> n >= want);
        narrator.check(published == want && want > 0, want + " installation events on installation-events: one per "
                + "record new or changed in any sync today", published);
    }

    /** Syncs an account now; when a scheduled sync of it is running, waits for that one and starts again. */
    private JsonNode sync(String account) {
        DayHttp.Reply started = http.post(INSTALLATIONS + "/api/v1/sync-runs", Map.of("utts_account", account));
        if (started.status() == 409) {
            narrator.say("a scheduled sync of %s is running; waiting for it", account);
            narrator.await("the running sync of " + account, Duration.ofSeconds(120),
                    () -> http.get(INSTALLATIONS + "/api/v1/sync-runs?limit=1000").data(), runs -> {
                        for (JsonNode run : runs) {
                            if (run.path("status").asText().equals("RUNNING")) {
                                return false;
                            }
                        }
                        return true;
                    });
            started = http.post(INSTALLATIONS + "/api/v1/sync-runs", Map.of("utts_account", account));
        }
        narrator.check(started.status() == 202, "sync of " + account + " started (202)", started.status());
        long id = started.data().path("id").asLong();
        return narrator.await("sync run " + id, Duration.ofSeconds(120),
                () -> http.get(INSTALLATIONS + "/api/v1/sync-runs/" + id).data(),
                r -> !r.path("status").asText().equals("RUNNING"));
    }

    /** Answers open invoices of the city, for the collections of the next steps. */
    private List<JsonNode> scanStandingInstructions() {
        narrator.step("Standing instructions: register " + INSTRUCTED + " declarations (" + AUTO_PAY
                + " auto-pay), scan them, collect what they owe");
        JsonNode declarations = http.get(SIMULATOR + "/admin/flexcity/" + WATER + "/declarations").body();
        narrator.check(declarations.size() >= INSTRUCTED, WATER + " has at least " + INSTRUCTED + " declarations",
                declarations.size());
        List<Long> ids = new ArrayList<>();
        declarations.forEach(id -> ids.add(id.asLong()));
        register(ids.subList(0, INSTRUCTED - AUTO_PAY), false);
        register(ids.subList(INSTRUCTED - AUTO_PAY, INSTRUCTED), true);

        long debtsBefore = topics.count(Topics.DEBT_FOUND);
        DayHttp.Reply started = http.post(COLLECTIONS + "/api/v1/scan-runs", Map.of("all", true));
        narrator.check(started.status() == 202, "scan started (202)", started.status());
        long id = started.data().path("id").asLong();
        JsonNode scan = narrator.await("scan run " + id, Duration.ofSeconds(180),
                () -> http.get(COLLECTIONS + "/api/v1/scan-runs/" + id).data(),
                r -> !r.path("status").asText().equals("RUNNING"));
        long found = scan.path("debts_found").asLong();
        long paying = scan.path("collections_started").asLong();
        narrator.check(scan.path("status").asText().equals("SUCCEEDED") && scan.path("instructions_scanned").asLong()
                == INSTRUCTED, "scan finished: " + INSTRUCTED + " instructions, " + found + " unpaid invoices, "
                + paying + " auto-payments started", scan);
        long announced = narrator.await("debt-found events", Duration.ofSeconds(60),
                () -> topics.count(Topics.DEBT_FOUND) - debtsBefore, n -> n >= found);
        narrator.check(announced == found && found > 0, found + " debt-found events, one per unpaid invoice", announced);
        long collected = narrator.await("auto-payments", Duration.ofSeconds(60),
                () -> total(COLLECTIONS + "/api/v1/collections?institution=" + WATER + "&state=COLLECTED"),
                n -> n >= paying);
        narrator.check(paying > 0 && collected == paying && scan.path("collections_failed").asLong() == 0,
                paying + " invoices of auto-pay instructions COLLECTED", collected);

        JsonNode open = http.get(SIMULATOR + "/admin/flexcity/" + CITY + "/invoices").body();
        narrator.check(open.size() >= API_COLLECTIONS + 2, CITY + " has open invoices to collect", open.size());
        List<JsonNode> invoices = new ArrayList<>();
        open.forEach(invoices::add);
        return invoices;
    }

    private void register(List<Long> declarationIds, boolean autoCollect) {
        DayHttp.Reply reply = http.post(COLLECTIONS + "/api/v1/standing-instructions/bulk", Map.of("institution", WATER,
                "declaration_ids", declarationIds, "auto_collect", autoCollect));
        narrator.check(reply.status() == 200 && reply.data().path("registered").asInt() == declarationIds.size(),
                declarationIds.size() + (autoCollect ? " auto-pay" : " announce-only") + " instructions registered",
                reply.body());
    }

    private List<String> collectThroughTheApi(List<JsonNode> invoices) {
        narrator.step("Collections through the API: " + API_COLLECTIONS + " invoices of " + CITY);
        List<String> ids = new ArrayList<>();
        for (JsonNode invoice : invoices.subList(0, API_COLLECTIONS)) {
            DayHttp.Reply reply = collect(invoice);
            if (reply.status() != 201) {
                narrator.check(false, "every collection is booked (201 COLLECTED)", reply.status() + " " + reply.body());
            }
            ids.add(reply.data().path("id").asText());
        }
        narrator.check(true, API_COLLECTIONS + " collections booked (201 COLLECTED) with their receipts", "");
        return ids;
    }

    private void resolveTimeoutAfterCommit(JsonNode invoice) {
        narrator.step("A collection whose answer is lost after FlexCity booked it");
        http.put(SIMULATOR + "/admin/faults/flexcity/TahsilKaydiOlusturByFatura",
                Map.of("timeout_after_commit", true, "remaining", 1));
        DayHttp.Reply reply = collect(invoice);
        narrator.check(reply.status() == 202 && reply.data().path("state").asText().equals("UNKNOWN"),
                "the collection is answered 202 with state UNKNOWN, not as a failure", reply.status() + " "
                        + reply.data().path("state"));
        String id = reply.data().path("id").asText();
        JsonNode resolved = narrator.await("the resolver", Duration.ofSeconds(90),
                () -> http.get(COLLECTIONS + "/api/v1/collections/" + id).data(),
                c -> !c.path("state").asText().equals("UNKNOWN"));
        narrator.check(resolved.path("state").asText().equals("COLLECTED"), "the resolver asked FlexCity by our "
                + "transaction number and moved it to COLLECTED (receipt " + resolved.path("receipt_number").asText()
                + ") after " + narrator.secondsInStep() + " s", resolved.path("state"));
    }

    private void cancelOne(String collectionId) {
        narrator.step("A same-day cancellation");
        long before = topics.count(Topics.PAYMENT_CANCELLED);
        DayHttp.Reply reply = http.post(COLLECTIONS + "/api/v1/collections/" + collectionId + "/cancel", "{}");
        narrator.check(reply.status() == 200 && reply.data().path("state").asText().equals("CANCELLED"),
                "collection " + collectionId + " CANCELLED", reply.status() + " " + reply.body());
        long cancelled = narrator.await("payment-cancelled", Duration.ofSeconds(30),
                () -> topics.count(Topics.PAYMENT_CANCELLED) - before, n -> n >= 1);
        narrator.check(cancelled == 1, "one payment-cancelled event", cancelled);
    }

    private void reconcile(JsonNode planted) {
        narrator.step("Closing the day: FlexCity books one collection we never sent, then the day is reconciled");
        DayHttp.Reply booked = http.post(SIMULATOR + "/admin/flexcity/" + CITY + "/collections",
                Map.of("desk_id", CITY_DESK, "invoice_number", planted.path("invoice_number").asText()));
        long receipt = booked.body().path("bgs_tahsil_genel_id").asLong();
        narrator.check(booked.status() == 200 && receipt > 0, "FlexCity has receipt " + receipt + " (invoice "
                + planted.path("invoice_number").asText() + ") that Köprü never sent", booked.status());
        new DayReconciliation(http, narrator, today).expect(Map.of(WATER, List.of(), CITY, List.of(receipt)));
    }

    private void updateDeclaration() {
        narrator.step("A customs declaration update");
        String body = "{\"shipment_reference_number\": \"KOPRU-" + today + "\", \"operation_type\": \"EX\", "
                + "\"logistic\": {\"is_container\": true, \"internal_carrier_type\": {\"code\": 20}}}";
        DayHttp.Reply accepted = http.post(DECLARATIONS + "/api/v1/declarations/DEC-0001/updates", body);
        narrator.check(accepted.status() == 202, "update of DEC-0001 accepted (202, PENDING)", accepted.status()
                + " " + accepted.body());
        String id = accepted.data().path("id").asText();
        JsonNode update = narrator.await("the delivery", Duration.ofSeconds(60),
                () -> http.get(DECLARATIONS + "/api/v1/declaration-updates/" + id).data(),
                u -> !u.path("status").asText().equals("PENDING"));
        narrator.check(update.path("status").asText().equals("SENT"), "delivered to the customs API (HTTP "
                + update.path("upstream_status").asText() + ", attempt " + update.path("attempts").asText()
                + "); changed " + update.path("changed_fields"), update.path("status"));
    }

    private DayHttp.Reply collect(JsonNode invoice) {
        return http.post(COLLECTIONS + "/api/v1/collections", ContractJson.mapper().createObjectNode()
                .put("institution", CITY).put("invoice_number", invoice.path("invoice_number").asText())
                .put("declaration_id", invoice.path("declaration_id").asLong())
                .set("amount", invoice.path("total")));
    }

    private long total(String url) {
        return http.get(url + (url.contains("?") ? "&" : "?") + "limit=1").body().path("pagination")
                .path("total_count").asLong();
    }
}

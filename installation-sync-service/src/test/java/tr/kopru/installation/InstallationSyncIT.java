package tr.kopru.installation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tr.kopru.testsupport.TopicRecords;
import tr.kopru.testsupport.KafkaHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tr.kopru.installation.client.UttsClient;
import tr.kopru.installation.client.UttsPage;
import tr.kopru.installation.domain.PageOutcome;
import tr.kopru.installation.domain.UttsField;
import tr.kopru.installation.service.PageWriter;
import tr.kopru.installation.service.ReadPage;
import tr.kopru.model.Topics;
import tr.kopru.runtime.db.Tally;
import tr.kopru.testsupport.UpstreamSimulatorResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static tr.kopru.testsupport.Api.simulator;
import static tr.kopru.testsupport.Api.json;
import static tr.kopru.testsupport.Api.as;

/**
 * A sync scenario against the simulated UTTS, on the real broker and database: first sync, unchanged re-sync,
 * changes, an expired token mid-sync, an unreadable record, a refused login, and the query API over the result.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallationSyncIT {

    private static final String KEY = "installation-test-key-not-secret";
    /** Columns a feature reads: the owner's tax number (searched and shown), the fingerprint, pending events. */
    private static final Set<String> READ_BY_THE_API = Set.of("installation.owner_tax_number",
            "installation.content_hash", "outbox_event.payload");
    private static final String RECORDED = "tr.kopru.installation.recorded.v1";
    private static final String CHANGED = "tr.kopru.installation.changed.v1";

    @Inject
    Pool pool;

    @Inject
    UttsClient client;

    @Inject
    PageWriter writer;

    @Inject
    Tally tally;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    @Order(1)
    void aFirstSyncRecordsEveryInstallationAndPublishesOneRecordedEventEach() {
        JsonNode run = syncToEnd("servis-b");
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("records_seen").asLong()).isEqualTo(300);
        assertThat(run.path("new_records").asLong()).isEqualTo(300);
        assertThat(run.path("pages").asInt()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM installation WHERE utts_account = $1", "servis-b")).isEqualTo(300);

        List<ConsumerRecord<String, String>> events = awaitEvents("servis-b", RECORDED, 300);
        assertThat(events.stream().map(ConsumerRecord::key).distinct()).hasSize(300);
        ConsumerRecord<String, String> first = events.get(0);
        JsonNode payload = json(first.value());
        assertThat(first.key()).isEqualTo(payload.path("installation").path("installation_id").asText());
        assertThat(KafkaHeaders.text(first, "ce_subject")).isEqualTo(first.key());
        assertThat(first.value()).doesNotContain("driver", "surucu");
        assertThat(payload.path("installation").path("owner").path("tax_number").asText()).hasSize(10);
    }

    @Test
    @Order(2)
    void aResyncWithNothingChangedWritesAndPublishesNothing() {
        long eventsBefore = eventsOf("servis-b").size();
        // Fingerprints stored by an earlier version, over other fields (V5): rewritten, with nothing announced.
        pool.query("UPDATE installation SET content_hash = 'earlier-version', last_changed_at = '2026-01-01T00:00:00Z' "
                + "WHERE installation_id IN (SELECT installation_id FROM installation WHERE utts_account = 'servis-b' "
                + "LIMIT 5)").execute().await().atMost(Duration.ofSeconds(10));
        long changesBefore = count("SELECT count(*) FROM installation_change", null);
        JsonNode run = syncToEnd("servis-b");
        assertThat(run.path("unchanged").asLong()).isEqualTo(300);
        assertThat(run.path("new_records").asLong()).isZero();
        assertThat(run.path("changed").asLong()).isZero();
        assertThat(count("SELECT count(*) FROM installation WHERE content_hash = 'earlier-version'", null)).isZero();
        // nothing changed in them, so their last change stays when it was
        assertThat(count("SELECT count(*) FROM installation WHERE last_changed_at = '2026-01-01T00:00:00Z'", null))
                .isEqualTo(5);
        assertThat(count("SELECT count(*) FROM installation_change", null)).isEqualTo(changesBefore);
        // the outbox is empty of servis-b events and the topic holds no more than before
        assertThat(count("SELECT count(*) FROM outbox_event", null)).isZero();
        assertThat(eventsOf("servis-b")).hasSize((int) eventsBefore);
    }

    @Test
    @Order(3)
    void aStatusChangePublishesAChangedEventNamingTheFieldAndKeepsHistory() {
        UpstreamSimulatorResource.simulator().state().installations().advance(2);
        JsonNode run = syncToEnd("servis-b");
        assertThat(run.path("new_records").asLong()).isEqualTo(20);
        long changed = run.path("changed").asLong();
        assertThat(changed).isPositive();

        List<ConsumerRecord<String, String>> events = awaitEvents("servis-b", CHANGED, (int) changed);
        JsonNode payload = json(events.get(0).value());
        assertThat(payload.path("changed_fields").toString()).contains("\"status\"", "\"status_id\"");
        assertThat(payload.path("previous_status").asText()).isNotEqualTo(payload.path("installation").path("status")
                .asText());
        String code = payload.path("installation").path("installation_code").asText();
        api().get("/api/v1/installations/" + code).then().statusCode(200)
                .body("data.history[0].changed_fields", org.hamcrest.Matchers.hasItem("status"))
                .body("data.history[0].previous_status", is(payload.path("previous_status").asText()));
    }

    @Test
    @Order(4)
    void anExpiredTokenMidSyncIsRenewedWithoutLosingAPage() {
        var simulator = UpstreamSimulatorResource.simulator();
        long loginsBefore = calls("utts/login");
        given().baseUri(simulator.baseUrl()).contentType(ContentType.JSON)
                .body("{\"latency_ms\": 300}").put("/admin/faults/utts/installation-progresses").then().statusCode(200);
        try {
            long runId = startSync("servis-a");
            await().atMost(Duration.ofSeconds(30)).until(() -> run(runId).path("pages").asInt() >= 1);
            simulator.clock().set(Instant.now().plus(Duration.ofHours(3)));
            JsonNode run = awaitEnd(runId);
            assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(run.path("records_seen").asLong()).isEqualTo(520);
            assertThat(run.path("pages").asInt()).isEqualTo(6);
            assertThat(calls("utts/login")).isGreaterThanOrEqualTo(loginsBefore + 2);
        } finally {
            simulator.clock().reset();
            given().baseUri(simulator.baseUrl()).delete("/admin/faults").then().statusCode(200);
        }
    }

    @Test
    @Order(5)
    void anUnreadableRecordIsKeptAsideAndTheRestOfItsPageIsWritten() {
        UpstreamSimulatorResource.simulator().state().installations().corrupt(7);
        long before = count("SELECT count(*) FROM rejected_record", null);
        JsonNode run = syncToEnd("servis-a");
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("rejected").asLong()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM rejected_record", null)).isEqualTo(before + 1);
        assertThat(count("SELECT count(*) FROM rejected_record WHERE reason LIKE $1", "%price%")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM rejected_record WHERE raw ? 'salePriceString' AND raw ? "
                + "'vehicleOrderInstallationId' AND NOT raw ? 'driverEmail' AND NOT raw ? 'driverPhoneNumber'", null))
                .isEqualTo(count("SELECT count(*) FROM rejected_record", null));

        api().get("/api/v1/sync-runs/" + run.path("id").asLong() + "/rejected-records").then().statusCode(200)
                .body("pagination.total_count", is(1))
                .body("data[0].reason", containsString("price"))
                .body("data[0].utts_account", is("servis-a"))
                .body("data[0].fields.vehicleOrderInstallationId", notNullValue())
                .body("data[0].fields", not(hasKey("driverEmail")));
        api().get("/api/v1/sync-runs/999999/rejected-records").then().statusCode(404);
    }

    @Test
    @Order(16)
    void theTimeSinceEachAccountsLastSuccessfulSyncIsAMetric() {
        double sinceLastSuccess = pool.query("SELECT extract(epoch FROM now() - max(finished_at)) FROM sync_run "
                        + "WHERE utts_account = 'servis-b' AND status = 'SUCCEEDED'").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getDouble(0);
        // refreshed every second in tests: the gauge follows the database's runs
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lastSuccessAge("servis-b"))
                .isCloseTo(sinceLastSuccess, offset(5.0)));
        assertThat(given().get("/q/metrics").then().extract().asString())
                .contains("# HELP kopru_installations_sync_last_success_age_seconds Time since the account's latest");
    }

    /** The gauge of {@code account}, or -1 while it has not been refreshed since the account's last success. */
    private static double lastSuccessAge(String account) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("kopru_installations_sync_last_success_age_seconds{")
                        && line.contains("account=\"" + account + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    /**
     * KVKK: what UTTS sends of the driver (an e-mail, a phone) is used by nothing of ours, so stored nowhere; a tax
     * number or national id sits unmasked only where the API reads it (the owner's, searched and shown).
     */
    @Test
    @Order(15)
    void noEmailPhoneOrUnmaskedTaxNumberSitsInAColumnNothingReads() {
        assertThat(count("SELECT count(*) FROM installation", null)).isPositive();
        assertThat(count("SELECT count(*) FROM rejected_record", null)).isPositive();
        var columns = pool.query("""
                        SELECT table_name, column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND data_type IN ('text', 'jsonb', 'ARRAY')""")
                .execute().await().atMost(Duration.ofSeconds(10));
        List<String> holding = new ArrayList<>();
        for (var column : columns) {
            String table = column.getString("table_name");
            String name = column.getString("column_name");
            boolean readByTheApi = READ_BY_THE_API.contains(table + "." + name);
            long found = count("SELECT count(*) FROM " + table + " WHERE " + name
                    + "::text ~ '[A-Za-z0-9._-]+@example\\.com|(^|[^0-9A-Za-z])05[0-9]{9}($|[^0-9A-Za-z])'"
                    + (readByTheApi ? "" : " OR " + name + "::text ~ '(^|[^0-9A-Za-z*])[0-9]{10,11}($|[^0-9A-Za-z])'"),
                    null);
            if (found > 0) {
                holding.add(table + "." + name + " (" + found + " rows)");
            }
        }
        assertThat(holding).isEmpty();
        assertThat(columns.size()).isGreaterThan(20);
    }

    @Test
    @Order(6)
    void aRefusedLoginFailsThatAccountAloneWithTheUpstreamsMessage() {
        JsonNode run = syncToEnd("locked-out");
        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        assertThat(run.path("error").asText()).contains("hatalı");
        assertThat(syncToEnd("servis-b").path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    @Order(7)
    void theQueryApiAnswersInTheEnvelopeAndItsFiltersWork() {
        JsonNode any = json(api().queryParam("limit", 1).get("/api/v1/installations").then().statusCode(200)
                .body("success", is(true))
                .body("pagination.total_count", greaterThan(800))
                .body("pagination.has_more", is(true))
                .extract().asString()).path("data").get(0);
        api().queryParam("licence_plate", any.path("licence_plate").asText().replace(" ", ""))
                .get("/api/v1/installations").then().statusCode(200).body("data.size()", greaterThan(0))
                .body("data.licence_plate", everyItem(is(any.path("licence_plate").asText())));
        String status = any.path("status").asText();
        api().queryParam("status", status).queryParam("limit", 1000).get("/api/v1/installations")
                .then().statusCode(200).body("data.size()", greaterThan(0)).body("data.status", everyItem(is(status)));
        api().queryParam("owner_tax_number", any.path("owner").path("tax_number").asText())
                .get("/api/v1/installations").then().statusCode(200).body("data.size()", greaterThan(0))
                .body("data.owner.tax_number", everyItem(is(any.path("owner").path("tax_number").asText())));
        api().queryParam("activated_from", "not-a-date").get("/api/v1/installations").then().statusCode(422)
                .body("errors", hasKey("activated_from"));
        api().get("/api/v1/installations/summary").then().statusCode(200)
                .body("data.by_status", hasKey(status))
                .body("data.by_service_company", hasKey("Deneme Montaj Ltd."));
        api().get("/api/v1/installations/" + any.path("installation_id").asText()).then().statusCode(200)
                .body("data.installation_code", is(any.path("installation_code").asText()));
        api().get("/api/v1/installations/NO-SUCH-CODE").then().statusCode(404).body("success", is(false));
        api().queryParam("utts_account", "servis-b").get("/api/v1/sync-runs").then().statusCode(200)
                .body("data.size()", greaterThan(3)).body("data.utts_account", everyItem(is("servis-b")));
        api().contentType(ContentType.JSON).body("{\"utts_account\": \"nobody\"}").post("/api/v1/sync-runs")
                .then().statusCode(404).body("message", containsString("nobody"));
        given().get("/api/v1/installations").then().statusCode(401);
    }

    @Test
    @Order(8)
    void aThrottledOrFailingReadIsRetriedAndTheSyncCompletes() {
        var simulator = UpstreamSimulatorResource.simulator();
        long readsBefore = calls("utts/installation-progresses");
        given().baseUri(simulator.baseUrl()).contentType(ContentType.JSON)
                .body("{\"retry_after_seconds\": 1, \"remaining\": 1}")
                .put("/admin/faults/utts/installation-progresses").then().statusCode(200);
        long started = System.nanoTime();
        JsonNode throttled = syncToEnd("servis-b");
        assertThat(throttled.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

        given().baseUri(simulator.baseUrl()).contentType(ContentType.JSON)
                .body("{\"error\": \"http500\", \"remaining\": 2}")
                .put("/admin/faults/utts/installation-progresses").then().statusCode(200);
        JsonNode failedTwice = syncToEnd("servis-b");
        assertThat(failedTwice.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(failedTwice.path("records_seen").asLong()).isEqualTo(throttled.path("records_seen").asLong());
        // every page once per sync, plus one retried 429 and two retried 500s
        long pages = throttled.path("pages").asLong() + failedTwice.path("pages").asLong();
        assertThat(calls("utts/installation-progresses") - readsBefore).isEqualTo(pages + 3);
    }

    @Test
    @Order(9)
    void aPageWrittenAsAllNewStillComparesAndCountsTheRecordsAlreadyStored() {
        UttsPage upstream = client.page("servis-b", 1, 100).await().atMost(Duration.ofSeconds(10));
        ReadPage page = writer.read("servis-b", upstream);
        List<Long> ids = List.copyOf(page.snapshots().keySet());
        Long[] gone = ids.subList(0, 40).toArray(Long[]::new);
        Long[] altered = ids.subList(40, 50).toArray(Long[]::new);
        count("WITH h AS (DELETE FROM installation_change WHERE installation_id = ANY($1) RETURNING 1) "
                + "SELECT count(*) FROM h", gone);
        count("WITH d AS (DELETE FROM installation WHERE installation_id = ANY($1) RETURNING 1) "
                + "SELECT count(*) FROM d", gone);
        count("WITH u AS (UPDATE installation SET status = 'Eski Durum', content_hash = 'stale' "
                + "WHERE installation_id = ANY($1) RETURNING 1) SELECT count(*) FROM u", altered);
        long runId = count("SELECT max(id) FROM sync_run WHERE utts_account = $1", "servis-b");
        long recordedBefore = awaitEvents("servis-b", RECORDED, 0).size();
        long changedBefore = awaitEvents("servis-b", CHANGED, 0).size();

        PageOutcome outcome = writer.write(runId, "servis-b", page, true).await().atMost(Duration.ofSeconds(10));

        // the page also holds the record made unreadable earlier
        assertThat(outcome).isEqualTo(new PageOutcome(100, 40, 10, ids.size() - 50, page.rejected().size()));
        assertThat(count("SELECT count(*) FROM installation WHERE installation_id = ANY($1)",
                ids.toArray(Long[]::new))).isEqualTo(ids.size());
        assertThat(count("SELECT count(*) FROM installation WHERE status = 'Eski Durum'", null)).isZero();
        assertThat(count("SELECT count(*) FROM installation_change WHERE installation_id = ANY($1) "
                + "AND previous_status = 'Eski Durum'", altered)).isEqualTo(10);
        assertThat(awaitEvents("servis-b", RECORDED, (int) recordedBefore + 40)).hasSize((int) recordedBefore + 40);
        assertThat(awaitEvents("servis-b", CHANGED, (int) changedBefore + 10)).hasSize((int) changedBefore + 10);
    }

    @Test
    @Order(10)
    void oneAccountsFailingReadsOpenOnlyThatAccountsBreaker() throws Exception {
        var simulator = UpstreamSimulatorResource.simulator();
        given().baseUri(simulator.baseUrl()).contentType(ContentType.JSON)
                .body("{\"error\": \"http500\", \"target\": \"servis-a@example.com\"}")
                .put("/admin/faults/utts/installation-progresses").then().statusCode(200);
        try {
            // Two failed syncs (five tries of a page each) open servis-a's breaker.
            assertThat(syncToEnd("servis-a").path("status").asText()).isEqualTo("FAILED");
            assertThat(syncToEnd("servis-a").path("status").asText()).isEqualTo("FAILED");
            long reads = calls("utts/installation-progresses");
            assertThat(syncToEnd("servis-a").path("status").asText()).isEqualTo("FAILED");
            assertThat(calls("utts/installation-progresses")).as("nothing sent while open").isEqualTo(reads);

            assertThat(syncToEnd("servis-b").path("status").asText()).isEqualTo("SUCCEEDED");
        } finally {
            given().baseUri(simulator.baseUrl()).delete("/admin/faults").then().statusCode(200);
        }
        Thread.sleep(2200);
        assertThat(syncToEnd("servis-a").path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    @Order(11)
    void recordsPulledOntoAPageAlreadyReadAreReadInASecondPass() {
        // The two records that open page 2 now end page 1 once the first two leave the listing, after page 1 is read.
        List<Long> pulled = client.page("servis-b", 2, 100).await().atMost(Duration.ofSeconds(10)).items()
                .subList(0, 2).stream().map(record -> Long.parseLong(record.text(UttsField.ID)))
                .toList();
        forget(pulled);
        long listed = listed("servis-b");
        shiftListingOf("servis-b", -2);
        try {
            JsonNode run = syncToEnd("servis-b");
            assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(run.path("passes").asInt()).isEqualTo(2);
            assertThat(run.path("new_records").asLong()).isEqualTo(2);
            // the two that left the listing were seen in the first pass; each record counts once
            assertThat(run.path("records_seen").asLong()).isEqualTo(listed);
            assertThat(run.path("unchanged").asLong()).isEqualTo(listed - 2 - run.path("rejected").asLong());
            assertThat(count("SELECT count(*) FROM installation WHERE installation_id = ANY($1)",
                    pulled.toArray(Long[]::new))).isEqualTo(2);
        } finally {
            clearFaults();
        }
    }

    @Test
    @Order(12)
    void recordsInsertedOnAPageAlreadyReadAreFoundAndThoseItPushedOnCountOnce() {
        long listed = listed("servis-b");
        shiftListingOf("servis-b", 3);
        try {
            JsonNode run = syncToEnd("servis-b");
            assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(run.path("passes").asInt()).isEqualTo(2);
            assertThat(run.path("records_seen").asLong()).isEqualTo(listed + 3);
            assertThat(run.path("new_records").asLong()).isEqualTo(3);
            assertThat(run.path("unchanged").asLong()).isEqualTo(listed - run.path("rejected").asLong());
        } finally {
            clearFaults();
        }
        // servis-b is the simulator's second account: the records inserted at its head are 290000001 onwards
        List<String> inserted = List.of("290000001", "290000002", "290000003");
        assertThat(count("SELECT count(*) FROM installation WHERE installation_id = ANY($1)",
                new Long[] {290000001L, 290000002L, 290000003L})).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventsOf("servis-b").stream()
                .filter(r -> RECORDED.equals(KafkaHeaders.text(r, "ce_type"))).map(ConsumerRecord::key)
                .filter(inserted::contains)).containsExactlyInAnyOrderElementsOf(inserted));
    }

    @Test
    @Order(13)
    void aListingThatKeepsShiftingFailsTheRunSayingSo() {
        given().baseUri(UpstreamSimulatorResource.simulator().baseUrl()).contentType(ContentType.JSON)
                .body("{\"shift_listing\": 1, \"target\": \"servis-b@example.com\"}")
                .put("/admin/faults/utts/installation-progresses").then().statusCode(200);
        try {
            JsonNode run = syncToEnd("servis-b");
            assertThat(run.path("status").asText()).isEqualTo("FAILED");
            assertThat(run.path("passes").asInt()).isEqualTo(3);
            assertThat(run.path("error").asText()).contains("kept shifting", "3 passes", "next sync");
        } finally {
            clearFaults();
        }
    }

    @Test
    @Order(14)
    void theSummaryAndTotalsKeptByTheDatabaseMatchACountOfTheMirrorBeforeAndAfterFolding() {
        // By now syncs inserted and changed installations, and a test deleted and altered some behind the service.
        for (int round = 0; round < 2; round++) {
            JsonNode summary = json(api().get("/api/v1/installations/summary").then().statusCode(200)
                    .extract().asString()).path("data");
            for (String status : List.of("Sipariş Oluşturuldu", "Randevu Verildi", "Montaj Yapıldı", "Aktif")) {
                assertThat(summary.path("by_status").path(status).asLong()).as(status)
                        .isEqualTo(count("SELECT count(*) FROM installation WHERE status = $1", status));
            }
            assertThat(summary.path("by_service_company").path("Deneme Montaj Ltd.").asLong())
                    .isEqualTo(count("SELECT count(*) FROM installation WHERE service_company = $1",
                            "Deneme Montaj Ltd."));
            api().get("/api/v1/installations").then().statusCode(200)
                    .body("pagination.total_count", is((int) count("SELECT count(*) FROM installation", null)));
            api().queryParam("status", "Aktif").get("/api/v1/installations").then().statusCode(200)
                    .body("pagination.total_count", is((int) count("SELECT count(*) FROM installation "
                            + "WHERE status = $1", "Aktif")));
            assertThat(tally.fold(pool).await().atMost(Duration.ofSeconds(10))).as("rows once folded")
                    .isLessThanOrEqualTo(count("SELECT count(DISTINCT (status, service_company)) FROM installation",
                            null));
        }
    }

    /** From the second page of servis-b's next sync on, its listing is {@code records} places further on. */
    private static void shiftListingOf(String account, int records) {
        given().baseUri(UpstreamSimulatorResource.simulator().baseUrl()).contentType(ContentType.JSON)
                .body("{\"shift_listing\": " + records + ", \"after_calls\": 1, \"remaining\": 1, "
                        + "\"target\": \"" + account + "@example.com\"}")
                .put("/admin/faults/utts/installation-progresses").then().statusCode(200);
    }

    private static void clearFaults() {
        given().baseUri(UpstreamSimulatorResource.simulator().baseUrl()).delete("/admin/faults").then().statusCode(200);
    }

    /** How many records UTTS lists for the account now. */
    private long listed(String account) {
        return client.page(account, 1, 1).await().atMost(Duration.ofSeconds(10)).totalCount();
    }

    /** Removes installations from the mirror, as if never synced. */
    private void forget(List<Long> ids) {
        Long[] gone = ids.toArray(Long[]::new);
        count("WITH h AS (DELETE FROM installation_change WHERE installation_id = ANY($1) RETURNING 1) "
                + "SELECT count(*) FROM h", gone);
        count("WITH d AS (DELETE FROM installation WHERE installation_id = ANY($1) RETURNING 1) "
                + "SELECT count(*) FROM d", gone);
    }

    private JsonNode syncToEnd(String account) {
        return awaitEnd(startSync(account));
    }

    private long startSync(String account) {
        return api().contentType(ContentType.JSON).body("{\"utts_account\": \"" + account + "\"}")
                .post("/api/v1/sync-runs").then().statusCode(202)
                .body("data.utts_account", is(account))
                .extract().jsonPath().getLong("data.id");
    }

    private JsonNode awaitEnd(long runId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !run(runId).path("status").asText().equals("RUNNING"));
        return run(runId);
    }

    private JsonNode run(long runId) {
        return json(api().get("/api/v1/sync-runs/" + runId).then().statusCode(200).extract().asString()).path("data");
    }

    private List<ConsumerRecord<String, String>> awaitEvents(String account, String type, int atLeast) {
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsOf(account).stream()
                .filter(r -> type.equals(KafkaHeaders.text(r, "ce_type"))).count() >= atLeast);
        return eventsOf(account).stream().filter(r -> type.equals(KafkaHeaders.text(r, "ce_type"))).toList();
    }

    private List<ConsumerRecord<String, String>> eventsOf(String account) {
        return TopicRecords.read(bootstrapServers, Topics.INSTALLATION_EVENTS,
                r -> account.equals(json(r.value()).path("installation").path("utts_account").asText()),
                0, Duration.ZERO, Duration.ofMillis(700));
    }

    private long calls(String method) {
        return json(given().baseUri(UpstreamSimulatorResource.simulator().baseUrl()).get("/admin/calls")
                .then().statusCode(200).extract().asString()).path(method).asLong();
    }

    private long count(String sql, Object parameter) {
        var query = pool.preparedQuery(sql);
        var rows = (parameter == null ? query.execute() : query.execute(Tuple.of(parameter)))
                .await().atMost(Duration.ofSeconds(10));
        return rows.iterator().next().getLong(0);
    }

    private static RequestSpecification api() {
        return as(KEY);
    }
}

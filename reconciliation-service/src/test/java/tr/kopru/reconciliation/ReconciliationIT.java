package tr.kopru.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import tr.kopru.model.Money;
import tr.kopru.model.event.EventType;
import tr.kopru.model.event.PaymentCancelled;
import tr.kopru.model.event.PaymentChannel;
import tr.kopru.model.event.PaymentMade;
import tr.kopru.reconciliation.service.ReconciliationScheduler;
import tr.kopru.runtime.tracing.Tracing;
import tr.kopru.testsupport.ContractEvents;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static tr.kopru.testsupport.Api.simulator;
import static tr.kopru.testsupport.Api.data;
import static tr.kopru.testsupport.Api.json;
import static tr.kopru.testsupport.Api.as;

/**
 * Reconciliation against the simulated FlexCity, with the ledger fed through the real broker: a clean day matches;
 * each kind of discrepancy planted in the simulator is reported once with both sides' values; redelivered and
 * out-of-order events leave the ledger right; a late event makes its day stale and the re-run finds it.
 */
@QuarkusTest
class ReconciliationIT {

    private static final String KEY = "reconciliation-test-key-not-secret";
    private static final String INSTITUTION = "ornek-belediye";
    private static final long DESK = 31;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Istanbul"));
    private static final Set<String> USED = new HashSet<>();

    @Inject
    Pool pool;

    @Inject
    ReconciliationScheduler scheduler;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InMemorySpanExporter spans;

    /** A collection booked on the simulator, as the admin API answers it. */
    record Booked(long upstreamId, BigDecimal amount, String invoice, String transaction) {
    }

    @Test
    void aDayWhosePaymentsReachedBothSidesIsMatched() {
        LocalDate day = TODAY.minusDays(1);
        List<Booked> booked = List.of(book(day, null), book(day, null), book(day, null));
        publish(booked.stream().map(b -> made(b, day)).toList());
        awaitLedger(day, 3);

        JsonNode run = data(reconcile(day, false).then().statusCode(201).extract().asString());
        assertThat(run.path("result").asText()).isEqualTo("MATCHED");
        assertThat(run.path("version").asInt()).isEqualTo(1);
        assertThat(run.path("ours").path("collected_count").asLong()).isEqualTo(3);
        assertThat(run.path("theirs").path("collected_amount").decimalValue())
                .isEqualByComparingTo(run.path("ours").path("collected_amount").decimalValue());
        assertThat(run.path("discrepancies")).isEmpty();
    }

    @Test
    void eachPlantedDiscrepancyIsReportedOnceWithBothSidesValuesAndExportsAsCsv() {
        LocalDate day = TODAY.minusDays(2);
        Booked fine = book(day, "TX-FINE-" + UUID.randomUUID());
        Booked onlyUpstream = book(day, null);
        Booked wrongAmount = book(day, "TX-AMOUNT-" + UUID.randomUUID());
        Booked cancelledHere = book(day, "TX-CANCELLED-" + UUID.randomUUID());
        String duplicated = "TX-DUP-" + UUID.randomUUID();
        Booked first = book(day, duplicated);
        Booked twice = book(day, duplicated);
        Booked onlyHere = new Booked(999_000_001L, new BigDecimal("42.10"), "000299999999202601999999", "TX-GHOST-1");

        List<ContractEvents.Event> events = new ArrayList<>(List.of(made(fine, day), made(onlyHere, day),
                made(new Booked(wrongAmount.upstreamId(), wrongAmount.amount().add(BigDecimal.ONE),
                        wrongAmount.invoice(), wrongAmount.transaction()), day),
                made(cancelledHere, day), cancelled(cancelledHere, day), made(first, day)));
        publish(events);
        awaitLedger(day, 5);
        // The two topics are consumed independently: wait for the cancellation too.
        await().atMost(Duration.ofSeconds(15)).until(() -> "true/true".equals(flags(day).get(cancelledHere.transaction())));

        JsonNode run = data(reconcile(day, false).then().statusCode(201).extract().asString());
        assertThat(run.path("result").asText()).isEqualTo("MISMATCHED");
        assertThat(run.path("receipts_compared").asBoolean()).isTrue();
        Map<String, List<JsonNode>> byCategory = new java.util.TreeMap<>();
        run.path("discrepancies").forEach(d -> byCategory.computeIfAbsent(d.path("category").asText(),
                k -> new ArrayList<>()).add(d));
        assertThat(byCategory.keySet()).containsExactly("AMOUNT_MISMATCH", "DUPLICATE", "MISSING_LOCALLY",
                "MISSING_UPSTREAM", "STATUS_MISMATCH");
        assertThat(byCategory.values()).allSatisfy(list -> assertThat(list).hasSize(1));

        JsonNode missingLocally = byCategory.get("MISSING_LOCALLY").get(0);
        assertThat(missingLocally.path("upstream_collection_id").asLong()).isEqualTo(onlyUpstream.upstreamId());
        assertThat(missingLocally.path("their_amount").decimalValue()).isEqualByComparingTo(onlyUpstream.amount());
        JsonNode missingUpstream = byCategory.get("MISSING_UPSTREAM").get(0);
        assertThat(missingUpstream.path("transaction_number").asText()).isEqualTo("TX-GHOST-1");
        assertThat(missingUpstream.path("our_amount").decimalValue()).isEqualByComparingTo("42.10");
        JsonNode amount = byCategory.get("AMOUNT_MISMATCH").get(0);
        assertThat(amount.path("our_amount").decimalValue()).isEqualByComparingTo(wrongAmount.amount().add(BigDecimal.ONE));
        assertThat(amount.path("their_amount").decimalValue()).isEqualByComparingTo(wrongAmount.amount());
        JsonNode status = byCategory.get("STATUS_MISMATCH").get(0);
        assertThat(status.path("transaction_number").asText()).isEqualTo(cancelledHere.transaction());
        assertThat(status.path("our_status").asText()).isEqualTo("CANCELLED");
        assertThat(status.path("their_status").asText()).isEqualTo("COLLECTED");
        JsonNode duplicate = byCategory.get("DUPLICATE").get(0);
        assertThat(duplicate.path("transaction_number").asText()).isEqualTo(duplicated);
        assertThat(duplicate.path("upstream_collection_id").asLong()).isEqualTo(twice.upstreamId());

        String csv = api().get("/api/v1/reconciliation-runs/" + run.path("id").asLong() + "/discrepancies.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("category,transaction_number,upstream_collection_id");
        assertThat(lines.stream().skip(1).map(l -> l.split(",")[0]).collect(Collectors.toSet()))
                .isEqualTo(byCategory.keySet());
    }

    @Test
    void redeliveredAndOutOfOrderEventsLeaveTheSameLedger() {
        LocalDate day = TODAY.minusDays(3);
        Booked inOrder = book(day, null);
        Booked reversed = book(day, null);
        ContractEvents.Event payment = made(reversed, day);
        publish(List.of(made(inOrder, day), cancelled(inOrder, day)));
        // The cancellation first, then its payment, then the payment again (a redelivery: same ce_id).
        publish(List.of(cancelled(reversed, day)));
        publish(List.of(payment));
        publish(List.of(payment));
        awaitLedger(day, 2);
        await().atMost(Duration.ofSeconds(15)).until(() -> flags(day).values().stream().allMatch(f -> f.equals("true/true")));

        Map<String, String> flags = flags(day);
        assertThat(flags).containsOnlyKeys(inOrder.transaction(), reversed.transaction());
        JsonNode entries = data(api().get("/api/v1/ledger?institution=" + INSTITUTION + "&day=" + day)
                .then().statusCode(200).body("pagination.total_count", is(2)).extract().asString());
        for (JsonNode entry : entries) {
            Booked source = entry.path("transaction_number").asText().equals(inOrder.transaction()) ? inOrder : reversed;
            assertThat(entry.path("amount").decimalValue()).isEqualByComparingTo(source.amount());
            assertThat(entry.path("invoice_number").asText()).isEqualTo(source.invoice());
        }
    }

    @Test
    void aLateEventMakesItsDayStaleAndTheRerunFindsIt() {
        LocalDate day = TODAY.minusDays(4);
        Booked early = book(day, null);
        publish(List.of(made(early, day)));
        awaitLedger(day, 1);
        data(reconcile(day, false).then().statusCode(201).body("data.result", is("MATCHED")).extract().asString());

        Booked late = book(day, null);
        publish(List.of(made(late, day)));
        await().atMost(Duration.ofSeconds(15)).until(() -> isStale(day));
        assertThat(scheduler.rerunStale().await().atMost(Duration.ofSeconds(20))).isGreaterThanOrEqualTo(1);

        JsonNode runs = data(api().get("/api/v1/reconciliation-runs?institution=" + INSTITUTION + "&from=" + day
                + "&to=" + day).then().statusCode(200).body("pagination.total_count", is(2)).extract().asString());
        JsonNode latest = runs.get(0);
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("trigger").asText()).isEqualTo("STALE");
        assertThat(latest.path("result").asText()).isEqualTo("MATCHED");
        assertThat(latest.path("ours").path("collected_count").asLong()).isEqualTo(2);
        assertThat(isStale(day)).isFalse();
    }

    @Test
    void anEventArrivingWhileADaysFirstRunIsInProgressMakesTheDayStale() throws Exception {
        LocalDate day = TODAY.minusDays(7);
        Booked early = book(day, null);
        publish(List.of(made(early, day)));
        awaitLedger(day, 1);
        // FlexCity's totals come 1.5 s late: the run has read our ledger and waits for them when the event comes.
        simulator().contentType(ContentType.JSON).body("{\"latency_ms\": 1500, \"remaining\": 1}")
                .put("/admin/faults/flexcity/TahsilIcmali").then().statusCode(200);
        java.util.concurrent.CompletableFuture<io.restassured.response.Response> first =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> reconcile(day, false));
        Thread.sleep(700);
        Booked late = book(day, null);
        publish(List.of(made(late, day)));
        awaitLedger(day, 2);

        first.get(30, TimeUnit.SECONDS).then().statusCode(201)
                .body("data.ours.collected_count", is(1));
        assertThat(isStale(day)).as("the event came while the first run was in progress").isTrue();
        assertThat(scheduler.rerunStale().await().atMost(Duration.ofSeconds(20))).isGreaterThanOrEqualTo(1);
        api().get("/api/v1/reconciliation-runs?institution=" + INSTITUTION + "&from=" + day + "&to=" + day)
                .then().statusCode(200).body("data[0].result", is("MATCHED"))
                .body("data[0].ours.collected_count", is(2));
        assertThat(isStale(day)).isFalse();
    }

    @Test
    void theSummaryShowsEachDesksLatestRunOfEachDayInItsWindow() {
        LocalDate day = TODAY.minusDays(8);
        Booked paid = book(day, null);
        publish(List.of(made(paid, day)));
        awaitLedger(day, 1);
        reconcile(day, false).then().statusCode(201).body("data.result", is("MATCHED"));
        book(day, null);
        reconcile(day, false).then().statusCode(201).body("data.result", is("MISMATCHED"));

        JsonNode summary = data(api().get("/api/v1/reconciliation-runs/summary?days=10").then().statusCode(200)
                .extract().asString());
        List<JsonNode> ofDay = new java.util.ArrayList<>();
        summary.forEach(run -> {
            if (run.path("day").asText().equals(day.toString()) && run.path("desk_id").asLong() == DESK) {
                ofDay.add(run);
            }
        });
        assertThat(ofDay).singleElement().satisfies(latest -> {
            assertThat(latest.path("version").asInt()).isEqualTo(2);
            assertThat(latest.path("result").asText()).isEqualTo("MISMATCHED");
        });
        JsonNode lastWeek = data(api().get("/api/v1/reconciliation-runs/summary").then().statusCode(200)
                .extract().asString());
        assertThat(lastWeek.findValuesAsText("day")).doesNotContain(day.toString());
        api().get("/api/v1/reconciliation-runs/summary?days=0").then().statusCode(422);
        // a page at a time, like every list
        long deskDays = json(api().get("/api/v1/reconciliation-runs/summary?days=10").then().statusCode(200)
                .extract().asString()).path("pagination").path("total_count").asLong();
        assertThat(deskDays).isEqualTo(summary.size());
        api().get("/api/v1/reconciliation-runs/summary?days=10&limit=1").then().statusCode(200)
                .body("data.size()", is(1)).body("pagination.has_more", is(deskDays > 1));
        api().get("/api/v1/reconciliation-runs/summary?limit=1001").then().statusCode(422);
    }

    @Test
    void theDailyTurnFiredByTwoReplicasAtOnceAndOnceMoreLaterReconcilesEachDeskDayOnce() throws Exception {
        LocalDate day = TODAY.minusDays(9);
        // Two replicas' schedulers fire the same turn at the same moment; a third fires it once they are done.
        var first = scheduler.reconcileEveryDesk(day).subscribeAsCompletionStage();
        var second = scheduler.reconcileEveryDesk(day).subscribeAsCompletionStage();
        int ran = first.get(30, TimeUnit.SECONDS)
                + second.get(30, TimeUnit.SECONDS);
        int later = scheduler.reconcileEveryDesk(day).await().atMost(Duration.ofSeconds(30));

        long deskDays = pool.preparedQuery("SELECT count(DISTINCT (institution, desk_id)) FROM reconciliation_run "
                + "WHERE day = $1").execute(Tuple.of(day)).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getLong(0);
        assertThat(deskDays).as("every configured desk reconciled").isPositive();
        assertThat(ran).as("runs made by the two at once").isEqualTo((int) deskDays);
        assertThat(later).as("runs made by the later turn").isZero();
        var runsOfDay = pool.preparedQuery("SELECT institution, count(*), min(trigger) FROM reconciliation_run "
                + "WHERE day = $1 GROUP BY institution").execute(Tuple.of(day)).await().atMost(Duration.ofSeconds(10));
        runsOfDay.forEach(row -> {
            assertThat(row.getLong(1)).as("runs of %s", row.getString(0)).isEqualTo(1);
            assertThat(row.getString(2)).isEqualTo(ReconciliationScheduler.DAILY);
        });
    }

    @Test
    void aDryRunAnswersTheResultAndStoresNothing() {
        LocalDate day = TODAY.minusDays(5);
        book(day, null);
        JsonNode run = data(reconcile(day, true).then().statusCode(200).extract().asString());
        assertThat(run.path("result").asText()).isEqualTo("MISMATCHED");
        assertThat(run.path("id").isNull()).isTrue();
        api().get("/api/v1/reconciliation-runs?institution=" + INSTITUTION + "&from=" + day + "&to=" + day)
                .then().statusCode(200).body("pagination.total_count", is(0));
        api().contentType(ContentType.JSON).body("{\"institution\": \"" + INSTITUTION + "\", \"day\": \"31.12.2026\"}")
                .post("/api/v1/reconciliation-runs").then().statusCode(422)
                .body("errors", hasKey("day"));
        api().contentType(ContentType.JSON).body("{\"institution\": \"nowhere\", \"day\": \"" + day + "\"}")
                .post("/api/v1/reconciliation-runs").then().statusCode(404);
    }

    @Test
    void anOperatorAcknowledgesAndThenResolvesADiscrepancyWithANoteAndTheirName() {
        LocalDate day = TODAY.minusDays(11);
        publish(List.of(made(new Booked(999_000_011L, new BigDecimal("12.30"), "000299999999202601999911",
                "TX-GHOST-11"), day)));
        awaitLedger(day, 1);
        long runId = data(reconcile(day, false).then().statusCode(201).extract().asString()).path("id").asLong();
        String discrepancies = "/api/v1/reconciliation-runs/" + runId + "/discrepancies";
        JsonNode listed = data(api().get(discrepancies).then().statusCode(200)
                .body("pagination.total_count", is(1)).extract().asString());
        JsonNode ghost = listed.get(0);
        assertThat(ghost.path("category").asText()).isEqualTo("MISSING_UPSTREAM");
        assertThat(ghost.path("transaction_number").asText()).isEqualTo("TX-GHOST-11");
        assertThat(ghost.path("handling").isNull()).isTrue();
        String handling = discrepancies + "/" + ghost.path("id").asLong() + "/handling";

        JsonNode acknowledged = data(api().header("X-On-Behalf-Of", "ayse.k").contentType(ContentType.JSON)
                .body("{\"status\": \"ACKNOWLEDGED\", \"note\": \"asking the desk\"}").post(handling)
                .then().statusCode(201).extract().asString());
        assertThat(acknowledged.path("handling").path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.path("handling").path("note").asText()).isEqualTo("asking the desk");
        assertThat(acknowledged.path("handling").path("actor").asText()).endsWith(" / ayse.k");
        api().contentType(ContentType.JSON).body("{\"status\": \"ACKNOWLEDGED\", \"note\": \"again\"}")
                .post(handling).then().statusCode(409);
        api().contentType(ContentType.JSON).body("{\"status\": \"RESOLVED\", \"note\": \" \"}").post(handling)
                .then().statusCode(422).body("errors", hasKey("note"));
        api().header("X-On-Behalf-Of", "<script>").contentType(ContentType.JSON)
                .body("{\"status\": \"RESOLVED\", \"note\": \"x\"}").post(handling).then().statusCode(422);
        api().contentType(ContentType.JSON).body("{\"status\": \"RESOLVED\", \"note\": \"x\"}")
                .post(discrepancies + "/999999999/handling").then().statusCode(404);

        api().header("X-On-Behalf-Of", "mehmet").contentType(ContentType.JSON)
                .body("{\"status\": \"RESOLVED\", \"note\": \"a test booking, reversed at the desk\"}")
                .post(handling).then().statusCode(201).body("data.handling.status", is("RESOLVED"));
        api().contentType(ContentType.JSON).body("{\"status\": \"ACKNOWLEDGED\", \"note\": \"late\"}")
                .post(handling).then().statusCode(409);
        api().get(discrepancies).then().statusCode(200).body("data[0].handling.status", is("RESOLVED"))
                .body("data[0].handling.actor", endsWith(" / mehmet"));
    }

    @Test
    void aLedgerEntryIsWrittenInTheTraceOfThePaymentThatCausedIt() {
        LocalDate day = TODAY.minusDays(10);
        Booked booked = book(day, null);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String senderSpan = "00f067aa0ba902b7";
        ContractEvents.Event payment = made(booked, day).inTrace("00-" + traceId + "-" + senderSpan + "-01");
        publish(List.of(payment));
        await().atMost(Duration.ofSeconds(20)).until(() -> flags(day).containsKey(booked.transaction()));

        SpanData processing = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> payment.id().toString().equals(span.getAttributes().get(Tracing.MESSAGE_ID)))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(processing.getTraceId()).isEqualTo(traceId);
        assertThat(processing.getParentSpanId()).isEqualTo(senderSpan);
        assertThat(processing.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(processing.getName()).isEqualTo("payment-made process");
        assertThat(processing.getAttributes().get(Tracing.EVENT_TYPE)).isEqualTo("tr.kopru.collection.payment-made.v1");
        assertThat(processing.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        String batch = processing.getLinks().get(0).getSpanContext().getSpanId();
        assertThat(spans.getFinishedSpanItems()).anySatisfy(span -> {
            assertThat(span.getSpanId()).isEqualTo(batch);
            assertThat(span.getName()).isEqualTo("payment-made process batch");
            assertThat(span.getAttributes().get(Tracing.BATCH_SIZE)).isPositive();
        });
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheRestOfItsBatchIsApplied() {
        LocalDate day = TODAY.minusDays(6);
        Booked good = book(day, null);
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        headers.add("ce_type", EventType.PAYMENT_MADE.type().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", bootstrapServers), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("payment-made", null, "poison-1",
                    "{\"institution\": 42}", headers));
            producer.flush();
        }
        publish(List.of(made(good, day)));
        awaitLedger(day, 1);

        try (var companion = new io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion(bootstrapServers)) {
            var dead = companion.consumeStrings().fromTopics("payment-made.dlq")
                    .awaitRecords(1, Duration.ofSeconds(15)).getRecords().stream()
                    .filter(r -> "poison-1".equals(r.key())).findFirst().orElseThrow();
            assertThat(tr.kopru.testsupport.KafkaHeaders.text(dead, "dead-letter-reason")).contains("does not match");
        }
    }

    @Test
    void aDeadLetterIsListedWithItsReasonAndReplayedToItsTopicOnceByWhoever() {
        String key = "poison-replay-" + UUID.randomUUID();
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        String eventId = UUID.randomUUID().toString();
        headers.add("ce_id", eventId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        headers.add("ce_type", EventType.PAYMENT_CANCELLED.type().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", bootstrapServers), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("payment-cancelled", null, key,
                    "not json", headers));
            producer.flush();
        }
        JsonNode letter = await().atMost(Duration.ofSeconds(20)).until(() -> StreamSupport.stream(data(api()
                        .get("/api/v1/dead-letters?topic=payment-cancelled.dlq&limit=1000").then().statusCode(200)
                        .extract().asString()).spliterator(), false)
                .filter(l -> key.equals(l.path("key").asText())).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(letter.path("reason").asText()).startsWith("payload is not JSON");
        assertThat(letter.path("original_topic").asText()).isEqualTo("payment-cancelled");
        assertThat(letter.path("event_id").asText()).isEqualTo(eventId);
        assertThat(letter.path("replay").isNull()).isTrue();
        String replay = "{\"topic\": \"payment-cancelled.dlq\", \"partition\": " + letter.path("partition").asInt()
                + ", \"offset\": " + letter.path("offset").asLong() + "}";

        api().header("X-On-Behalf-Of", "ayse.k").contentType(ContentType.JSON).body(replay)
                .post("/api/v1/dead-letters/replay").then().statusCode(200)
                .body("data.replay.actor", endsWith(" / ayse.k"));
        api().contentType(ContentType.JSON).body(replay).post("/api/v1/dead-letters/replay").then().statusCode(409);
        // Still poison: the consumer sets the replayed record aside again, as a new dead letter.
        await().atMost(Duration.ofSeconds(20)).until(() -> StreamSupport.stream(data(api()
                        .get("/api/v1/dead-letters?topic=payment-cancelled.dlq&limit=1000").then().extract().asString())
                .spliterator(), false).filter(l -> key.equals(l.path("key").asText())).count() == 2);
        api().contentType(ContentType.JSON).body("{\"topic\": \"payment-made\", \"partition\": 0, \"offset\": 0}")
                .post("/api/v1/dead-letters/replay").then().statusCode(404);
        api().contentType(ContentType.JSON).body("{\"topic\": \"payment-cancelled.dlq\", \"partition\": 0, "
                + "\"offset\": 999999999}").post("/api/v1/dead-letters/replay").then().statusCode(404);
        api().contentType(ContentType.JSON).body("{\"topic\": \"payment-cancelled.dlq\", \"partition\": -1}")
                .post("/api/v1/dead-letters/replay").then().statusCode(422);
    }

    // ---- helpers ----

    private static synchronized Booked book(LocalDate day, String transaction) {
        JsonNode invoices = json(simulator().get("/admin/flexcity/" + INSTITUTION + "/invoices").then().statusCode(200)
                .extract().asString());
        for (JsonNode invoice : invoices) {
            String number = invoice.path("invoice_number").asText();
            if (USED.add(number)) {
                JsonNode booked = json(simulator().contentType(ContentType.JSON).body("{\"desk_id\": " + DESK
                                + ", \"invoice_number\": \"" + number + "\", \"day\": \"" + day + "\""
                                + (transaction == null ? "" : ", \"transaction_no\": \"" + transaction + "\"") + "}")
                        .post("/admin/flexcity/" + INSTITUTION + "/collections").then().statusCode(200).extract().asString());
                return new Booked(booked.path("bgs_tahsil_genel_id").asLong(), booked.path("amount").decimalValue(),
                        number, transaction != null ? transaction : "TX-" + UUID.randomUUID());
            }
        }
        throw new IllegalStateException("no open invoice left in the simulator");
    }

    private static ContractEvents.Event made(Booked b, LocalDate day) {
        return ContractEvents.Event.of(EventType.PAYMENT_MADE, b.transaction(), new PaymentMade(INSTITUTION, DESK,
                b.transaction(), b.upstreamId(), "KP", "1", b.invoice(), 1_000_001L, Money.of(b.amount()), day,
                Instant.now(), PaymentChannel.API));
    }

    private static ContractEvents.Event cancelled(Booked b, LocalDate day) {
        return ContractEvents.Event.of(EventType.PAYMENT_CANCELLED, b.transaction(), new PaymentCancelled(INSTITUTION,
                DESK, b.transaction(), b.upstreamId(), Money.of(b.amount()), day, Instant.now()));
    }

    private void publish(List<ContractEvents.Event> events) {
        try (ContractEvents producer = new ContractEvents(bootstrapServers)) {
            producer.send(events);
        }
    }

    private void awaitLedger(LocalDate day, int entries) {
        await().atMost(Duration.ofSeconds(20)).until(() -> flags(day).size() >= entries);
    }

    /** paid/cancelled of each entry of the day, by transaction number. */
    private Map<String, String> flags(LocalDate day) {
        Map<String, String> flags = new java.util.HashMap<>();
        for (Row row : pool.preparedQuery("SELECT transaction_number, paid, cancelled FROM ledger_entry "
                        + "WHERE institution = $1 AND desk_id = $2 AND collection_date = $3")
                .execute(Tuple.of(INSTITUTION, DESK, day)).await().atMost(Duration.ofSeconds(10))) {
            flags.put(row.getString(0), row.getBoolean(1) + "/" + row.getBoolean(2));
        }
        return flags;
    }

    private boolean isStale(LocalDate day) {
        var rows = pool.preparedQuery("SELECT stale FROM reconciled_day WHERE institution = $1 AND desk_id = $2 "
                + "AND day = $3").execute(Tuple.of(INSTITUTION, DESK, day)).await().atMost(Duration.ofSeconds(10));
        return rows.size() > 0 && rows.iterator().next().getBoolean(0);
    }

    private static io.restassured.response.Response reconcile(LocalDate day, boolean dryRun) {
        return api().contentType(ContentType.JSON).body("{\"institution\": \"" + INSTITUTION + "\", \"day\": \"" + day
                + "\", \"dry_run\": " + dryRun + "}").post("/api/v1/reconciliation-runs");
    }

    private static RequestSpecification api() {
        return as(KEY);
    }



}

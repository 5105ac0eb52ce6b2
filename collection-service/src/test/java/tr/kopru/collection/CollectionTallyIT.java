package tr.kopru.collection;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import tr.kopru.runtime.db.Tally;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static tr.kopru.collection.CollectionCalls.api;
import static tr.kopru.collection.CollectionCalls.data;

/**
 * The summary and listing totals come from counts the database keeps (collection_tally): after collections are
 * made, cancelled and changed behind the service's back, they match a count of the collections, before and after
 * the tally is folded.
 */
@QuarkusTest
class CollectionTallyIT {

    private static final String INSTITUTION = "ornek-belediye";

    @Inject
    Pool pool;

    @Inject
    Tally tally;

    @Test
    void theSummaryAndTotalsMatchACountOfTheCollectionsBeforeAndAfterFolding() {
        for (int i = 0; i < 3; i++) {
            JsonNode invoice = CollectionCalls.openInvoice(INSTITUTION, false);
            JsonNode collected = data(CollectionCalls.collect(INSTITUTION, invoice,
                    invoice.path("total").decimalValue(), null, null));
            if (i == 0) {
                api().post("/api/v1/collections/" + collected.path("id").asText() + "/cancel").then().statusCode(200);
            }
        }
        // A change behind the service's back is counted too: the database keeps the tally, not the service.
        sql("UPDATE collection SET state = 'REJECTED' WHERE id = (SELECT id FROM collection WHERE state = "
                + "'COLLECTED' ORDER BY created_at LIMIT 1)");

        assertMatches();
        assertThat(tally.fold(pool).await().atMost(Duration.ofSeconds(10))).as("rows once folded")
                .isLessThanOrEqualTo(count("SELECT count(DISTINCT (institution, state, collection_date)) "
                        + "FROM collection"));
        assertMatches();
    }

    private void assertMatches() {
        LocalDate today = LocalDate.now(CollectionCalls.TURKEY);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Long> byState = new HashMap<>();
            pool.query("SELECT state, count(*) FROM collection GROUP BY state").execute().await()
                    .atMost(Duration.ofSeconds(10)).forEach(row -> byState.put(row.getString(0), row.getLong(1)));
            JsonNode summary = data(api().get("/api/v1/collections/summary"));
            byState.forEach((state, n) -> assertThat(summary.path(state).asLong()).as(state).isEqualTo(n));
            assertThat(total(api().get("/api/v1/collections")))
                    .isEqualTo(count("SELECT count(*) FROM collection"));
            assertThat(total(api().queryParam("institution", INSTITUTION).queryParam("state", "COLLECTED")
                    .queryParam("collection_date", today.toString()).get("/api/v1/collections")))
                    .isEqualTo(count("SELECT count(*) FROM collection WHERE institution = '" + INSTITUTION
                            + "' AND state = 'COLLECTED' AND collection_date = '" + today + "'"));
        });
    }

    private static long total(io.restassured.response.Response response) {
        return tr.kopru.testsupport.Api.json(response.then().statusCode(200).extract().asString())
                .path("pagination").path("total_count").asLong();
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private void sql(String sql) {
        pool.preparedQuery(sql).execute(Tuple.tuple()).await().atMost(Duration.ofSeconds(10));
    }
}

package tr.kopru.runtimeit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A request's span keeps no personal data from its URL: a tax number in the query is masked as in the logs. */
@QuarkusTest
class PersonalDataInSpansIT {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aTaxNumberInTheQueryIsMaskedInTheRequestsSpan() {
        given().header("X-API-Key", FixtureApiKeys.READER)
                .get("/api/v1/fixture-orders?owner_tax_number=1234567890&limit=5").then().statusCode(200);

        SpanData request = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER)
                .filter(span -> String.valueOf(span.getAttributes().get(AttributeKey.stringKey("url.query")))
                        .contains("owner_tax_number")).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(request.getAttributes().get(AttributeKey.stringKey("url.query")))
                .isEqualTo("owner_tax_number=********90&limit=5");
        assertThat(request.getName()).isEqualTo("GET /api/v1/fixture-orders");
        assertThat(request.toString()).doesNotContain("1234567890");
    }
}

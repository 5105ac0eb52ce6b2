package tr.kopru.runtimeit;

import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class PersonalDataMaskingIT {

    private static final Logger LOG = Logger.getLogger(PersonalDataMaskingIT.class);
    private static final Path LOG_FILE = Path.of("target/shared-runtime-it.log");

    @Test
    void nationalIdsTaxNumbersPhonesAndEmailsAreMaskedInEveryLogLine() throws Exception {
        String marker = "masking-check-" + UUID.randomUUID();
        LOG.infof("%s taxpayer %s with tax number %s called from +90 532 123 45 67 and 05321234567, mail %s",
                marker, "10000000146", "1234567890", "ayse.yilmaz@example.com.tr");
        LOG.error(marker + " upstream refused", new IllegalArgumentException("TCKN 10000000146 is blocked",
                new IllegalStateException("owner ayse.yilmaz@example.com.tr")));

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(LOG_FILE).contains(marker + " upstream"));
        String written = Files.readString(LOG_FILE);
        String line = written.lines().filter(l -> l.contains(marker + " taxpayer")).findFirst().orElseThrow();

        assertThat(line).contains("taxpayer *********46", "tax number ********90", "+** *** *** ** 67",
                "***********67".substring(0, 9), "mail a***@***");
        assertThat(written).doesNotContain("10000000146", "1234567890", "532 123 45 67", "05321234567",
                "ayse.yilmaz@example.com.tr");
        assertThat(written).contains("java.lang.IllegalArgumentException: TCKN *********46 is blocked",
                "Caused by: java.lang.IllegalStateException: owner a***@***");
    }

    @Test
    void everyApiCallHasAnAccessLineWithItsKeyAndCallerAndNoUnmaskedPersonalData() throws Exception {
        String forwardedFor = "192.0.2." + (1 + (int) (Math.random() * 250));
        io.restassured.RestAssured.given().header("X-API-Key", FixtureApiKeys.WRITER)
                .header("X-Forwarded-For", forwardedFor)
                .get("/api/v1/fixture-orders/10000000146?owner=ayse.yilmaz@example.com.tr").then().statusCode(404);

        String expected = "GET /api/v1/fixture-orders/*********46 404 ";
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(LOG_FILE).lines()
                .anyMatch(l -> l.contains(expected) && l.contains("from " + forwardedFor)));
        String line = Files.readString(LOG_FILE).lines()
                .filter(l -> l.contains(expected) && l.contains("from " + forwardedFor)).findFirst().orElseThrow();
        assertThat(line).contains(".access]", "key=writer", " ms ").doesNotContain("10000000146", "ayse", "?");
    }
}

package tr.kopru.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operator console in a real browser (Debian's Chromium, headless, through its ChromeDriver) on the local
 * platform: an operator signs in and sees the day, asks FlexCity about a collection whose answer was lost and sees it
 * COLLECTED, opens a MISMATCHED desk's run and acknowledges its discrepancy, replays a dead letter; a viewer sees no
 * action and is refused
 * one. Each page is saved as a screenshot under {@code target/console-screenshots}, and no page may log an error to
 * the browser's console. Skipped, saying so, where Chromium or ChromeDriver is missing.
 */
class OperatorConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final String CONSOLE = LocalConsole.baseUrl();
    private static final String SIMULATOR = "http://localhost:" + LocalSettings.SIMULATOR_PORT;
    private static final String CITY = "ornek-belediye";
    private static final String DEMO_KEY = "kopru-local-demo-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static WebDriver browser;

    @BeforeAll
    static void startThePlatformAndABrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Chromium or ChromeDriver is "
                + "missing (apt-get install chromium chromium-driver): the operator console's browser test is skipped");
        // The resolver waits, so that the collection whose answer is lost stays UNKNOWN for the operator to ask about.
        KopruCommand.Result up = KopruCommand.run(Duration.ofMinutes(5),
                Map.of("KOPRU_COLLECTION_RESOLVER_FIRST_DELAY", "1h"), "up", "--detach", "--no-build");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("Starting operator-console on port 8085 ... ready",
                "Operator console  http://localhost:8085  (demo operator: operator / kopru-demo-operator");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
                        "--lang=tr");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        KopruCommand.run(Duration.ofMinutes(2), "down");
    }

    @Test
    void anOperatorWorksTheDayAndAViewerOnlyLooks() throws Exception {
        long runId = plantAMismatchedDesk();
        String unknown = plantAnUnknownCollection();

        HttpResponse<Void> page = HTTP.send(HttpRequest.newBuilder(URI.create(CONSOLE + "/giris")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        signIn(LocalConsole.DEMO_OPERATOR, LocalConsole.DEMO_OPERATOR_PASSWORD);
        open("/");
        assertThat(text("h1")).startsWith("Bugün");
        WebElement desk = browser.findElement(By.cssSelector("tr.desk[data-desk='" + CITY + "/31']"));
        assertThat(desk.getText()).contains("MISMATCHED");
        assertThat(browser.findElements(By.cssSelector("figure.chart svg polyline.ours"))).isNotEmpty();
        screenshot("bugun");

        open("/dikkat");
        WebElement row = browser.findElement(By.cssSelector("tr.collection[data-id='" + unknown + "']"));
        assertThat(row.getAttribute("data-state")).isEqualTo("UNKNOWN");
        screenshot("dikkat");
        row.findElement(By.cssSelector("button.ask")).click();
        waitFor(() -> browser.findElements(By.id("notice")).size() == 1);
        assertThat(text("#notice")).isEqualTo(unknown + ": COLLECTED");
        assertThat(browser.findElements(By.cssSelector("tr.collection[data-id='" + unknown + "']"))).isEmpty();
        open("/tahsilat/" + unknown);
        assertThat(text("h1")).contains("COLLECTED");
        assertThat(text("#history")).contains("UNKNOWN → COLLECTED");
        screenshot("tahsilat");

        open("/mutabakat");
        WebElement mismatched = browser.findElement(By.cssSelector("tr.run[data-id='" + runId + "']"));
        assertThat(mismatched.getAttribute("data-result")).isEqualTo("MISMATCHED");
        screenshot("mutabakat");
        mismatched.findElement(By.cssSelector("a.open")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/mutabakat/" + runId));
        WebElement discrepancy = browser.findElement(By.cssSelector("tr.discrepancy[data-category='MISSING_LOCALLY']"));
        assertThat(discrepancy.getText()).contains("that no payment event told us of");
        discrepancy.findElement(By.name("not")).sendKeys("Vezne 31 ile görüşülüyor");
        screenshot("mutabakat-calismasi");
        discrepancy.findElement(By.cssSelector("button.acknowledge")).click();
        waitFor(() -> browser.findElements(By.id("notice")).size() == 1);
        assertThat(text("#notice")).endsWith("ACKNOWLEDGED");
        assertThat(text("tr.discrepancy[data-category='MISSING_LOCALLY'] td.handling"))
                .contains("ACKNOWLEDGED", "Vezne 31 ile görüşülüyor", "Operator console (local) / operator");

        open("/senkronizasyon");
        assertThat(text("h1")).isEqualTo("Senkronizasyon");
        screenshot("senkronizasyon");

        String poison = plantAPoisonRecord();
        WebElement letter = waitForElement("/olay-kuyruklari", "tr.dead-letter[data-key='" + poison + "']");
        assertThat(letter.getText()).contains("payment-cancelled.dlq", "payload is not JSON");
        screenshot("olay-kuyruklari");
        letter.findElement(By.name("onay")).click();
        letter.findElement(By.cssSelector("button.replay")).click();
        waitFor(() -> browser.findElements(By.id("notice")).size() == 1);
        assertThat(text("#notice")).endsWith("→ payment-cancelled");
        assertThat(browser.findElements(By.cssSelector("tr.dead-letter[data-key='" + poison + "']")))
                .as("the replayed record names who replayed it (still poison, it may be set aside again)")
                .anySatisfy(replayed -> assertThat(replayed.getText()).contains("Operator console (local) / operator"));
        open("/?dil=en");
        assertThat(text("h1")).startsWith("Today");
        open("/?dil=tr");
        assertNoBrowserErrors();

        browser.findElement(By.cssSelector("form.signout button")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/giris"));
        screenshot("giris");
        signIn(LocalConsole.DEMO_VIEWER, LocalConsole.DEMO_VIEWER_PASSWORD);
        open("/mutabakat/" + runId);
        assertThat(browser.findElements(By.cssSelector("form button"))).extracting(WebElement::getText)
                .as("a viewer sees no action, only signing out").containsOnly("Çıkış");
        assertNoBrowserErrors();
        String csrf = browser.findElement(By.cssSelector("meta[name='csrf']")).getAttribute("content");
        Object refused = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = new URLSearchParams(
                    {_csrf: arguments[0], kurum: arguments[1], vezne: '31', gun: arguments[2]});
                fetch('/mutabakat/yeniden', {method: 'POST', body: form, redirect: 'manual'})
                    .then(r => done(r.status), e => done(String(e)));""", csrf, CITY, today().toString());
        assertThat(refused).as("a viewer's action is refused").isEqualTo(403L);
        ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/cikis', {method: 'POST', body: new URLSearchParams({}), redirect: 'manual'})
                    .then(r => done(r.status), e => done(String(e)));""");
        open("/dikkat");
        assertThat(browser.getCurrentUrl()).as("a sign-out without the session's token ends nothing")
                .endsWith("/dikkat");
    }

    // ---- what the test plants through the APIs ----

    /** FlexCity books a collection at our desk that Köprü never sent; the day is reconciled: MISMATCHED. */
    private static long plantAMismatchedDesk() throws Exception {
        JsonNode invoice = openInvoices().get(0);
        JsonNode booked = call("POST", SIMULATOR + "/admin/flexcity/" + CITY + "/collections",
                Map.of("desk_id", 31, "invoice_number", invoice.path("invoice_number").asText()));
        assertThat(booked.path("bgs_tahsil_genel_id").asLong()).isPositive();
        JsonNode run = call("POST", LocalService.RECONCILIATION.baseUrl() + "/api/v1/reconciliation-runs",
                Map.of("institution", CITY, "day", today().toString())).path("data");
        assertThat(run.path("result").asText()).isEqualTo("MISMATCHED");
        return run.path("id").asLong();
    }

    /** A collection FlexCity books, but whose answer is lost: UNKNOWN until someone asks. */
    private static String plantAnUnknownCollection() throws Exception {
        call("PUT", SIMULATOR + "/admin/faults/flexcity/TahsilKaydiOlusturByFatura",
                Map.of("timeout_after_commit", true, "remaining", 1));
        JsonNode invoice = openInvoices().get(1);
        JsonNode collection = call("POST", LocalService.COLLECTION.baseUrl() + "/api/v1/collections", Map.of(
                "institution", CITY, "invoice_number", invoice.path("invoice_number").asText(),
                "declaration_id", invoice.path("declaration_id").asLong(), "amount", invoice.path("total")))
                .path("data");
        assertThat(collection.path("state").asText()).isEqualTo("UNKNOWN");
        return collection.path("id").asText();
    }

    /** A record on payment-cancelled that is not JSON: the ledger's consumer sets it aside. */
    private static String plantAPoisonRecord() {
        String key = "poison-" + System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", "localhost:"
                + LocalSettings.KAFKA_PORT), new StringSerializer(), new StringSerializer())) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            headers.add("ce_type", "tr.kopru.collection.payment-cancelled.v1".getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>("payment-cancelled", null, key, "not json", headers));
            producer.flush();
        }
        return key;
    }

    private static JsonNode openInvoices() throws Exception {
        return call("GET", SIMULATOR + "/admin/flexcity/" + CITY + "/invoices", null);
    }

    private static JsonNode call(String method, String url, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", DEMO_KEY)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(method + " " + url + ": " + new String(response.body())).isLessThan(300);
        return JSON.readTree(response.body());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Istanbul"));
    }

    // ---- the browser ----

    private static void signIn(String username, String password) {
        browser.get(CONSOLE + "/");
        waitFor(() -> browser.getCurrentUrl().contains("/giris"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("signin")).click();
        waitFor(() -> !browser.getCurrentUrl().contains("/giris"));
    }

    private static void open(String path) {
        browser.get(CONSOLE + path);
    }

    /** The element on {@code path}, once the page shows it (reloaded until then). */
    private static WebElement waitForElement(String path, String css) {
        waitFor(() -> {
            open(path);
            return !browser.findElements(By.cssSelector(css)).isEmpty();
        });
        return browser.findElement(By.cssSelector(css));
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static void waitFor(BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> condition.getAsBoolean());
    }

    private static void screenshot(String page) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void assertNoBrowserErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("errors in the browser's console").isEmpty();
    }
}

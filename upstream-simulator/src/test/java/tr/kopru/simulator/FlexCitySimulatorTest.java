package tr.kopru.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tr.kopru.simulator.SimulatorClient.form;

class FlexCitySimulatorTest extends SimulatorTestBase {

    private static final String INSTITUTION = "ornek-belediye";
    private static final String KEY = "sim-app-key-ornek";
    private static final String SECURITY = "sim-security-ornek";

    @Test
    void everyCallMustBeSignedWithTheInstitutionsKeyAndAFreshRequestDate() {
        Map<String, String> query = form("bgsBeyanIdList", "[1]");
        assertThat(client.flexCity(INSTITUTION, "FindAllBorcSorgu", query, "wrong-key", SECURITY, now())
                .body().path("resultCode").asText()).isEqualTo("0003");
        assertThat(client.flexCity(INSTITUTION, "FindAllBorcSorgu", query, KEY, "wrong-code", now())
                .body().path("resultCode").asText()).isEqualTo("0007");
        assertThat(client.flexCity(INSTITUTION, "FindAllBorcSorgu", query, KEY, SECURITY, now().minusHours(1))
                .body().path("resultCode").asText()).isEqualTo("0007");
        JsonNode ok = call("FindAllBorcSorgu", query);
        assertThat(ok.path("success").asBoolean()).isTrue();
        assertThat(ok.path("resultCode").asText()).isEqualTo("0000");
    }

    @Test
    void taxpayersAreFoundByNationalIdOrTaxNumberWithLegacyBirthDates() {
        assertThat(call("FindAllSbsMuhatapGenel", form()).path("resultCode").asText()).isEqualTo("0006");
        JsonNode invoice = openInvoice();
        JsonNode debts = call("FindBorcSorgu", form("sbsMuhatapId", invoice.path("taxpayer_id").asText(),
                "borcGruplu", "true"));
        assertThat(debts.path("bgsBorcSorguDto").path("listBgsTahakDto")).isNotEmpty();
        JsonNode line = debts.path("bgsBorcSorguDto").path("listBgsTahakDto").get(0);
        assertThat(line.path("vadeTarihi").asText()).matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M");
        assertThat(line.path("borcTutari").decimalValue().add(line.path("gecikmeZammi").decimalValue()))
                .isEqualByComparingTo(line.path("tahsilEdilecekTutar").decimalValue());
        JsonNode declaration = call("FindBgsBeyanDetayDto", form("bgsBeyanId", invoice.path("declaration_id").asText()));
        assertThat(declaration.path("bgsBeyanDto").path("sbsMuhatapId").asLong())
                .isEqualTo(invoice.path("taxpayer_id").asLong());
        assertThat(declaration.path("bgsBeyanDto").path("beyanTarihi").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*\\+03:00");
    }

    @Test
    void bulkDebtsComeGroupedByInvoiceWithTotalEqualToDebtPlusSurcharge() {
        JsonNode invoice = openInvoice();
        JsonNode result = call("FindAllBorcSorgu", form("bgsBeyanIdList", "[" + invoice.path("declaration_id").asText()
                + ",999]"));
        JsonNode found = null;
        for (JsonNode item : result.path("bgsBorcSorguShortDtoList")) {
            if (item.path("faturaNo").asText().equals(invoice.path("invoice_number").asText())) {
                found = item;
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.path("faturaNo").asText()).hasSize(24);
        assertThat(found.path("toplamBorc").decimalValue()).isEqualByComparingTo(
                found.path("borcTutari").decimalValue().add(found.path("gecikmeZammiTutari").decimalValue()));
    }

    @Test
    void collectingChecksTheTotalAndRefusesAPaidInvoice() {
        JsonNode invoice = openInvoice();
        String number = invoice.path("invoice_number").asText();
        BigDecimal total = invoice.path("total").decimalValue();

        assertThat(collect(31, "sim-desk-31", number, total.add(BigDecimal.ONE), "T-1").path("resultCode").asText())
                .isEqualTo("0512");
        assertThat(collect(31, "wrong", number, total, "T-1").path("resultCode").asText()).isEqualTo("0121");
        assertThat(collect(31, "sim-desk-31", "SHORT", total, "T-1").path("resultCode").asText()).isEqualTo("0513");

        JsonNode receipt = collect(31, "sim-desk-31", number, total, "T-1");
        assertThat(receipt.path("success").asBoolean()).isTrue();
        JsonNode makbuz = receipt.path("bgsTahsilSonucDto").path("listBgsTahsilSonucMakbuzDto").get(0);
        assertThat(makbuz.path("bgsTahsilGenelId").asLong()).isPositive();
        assertThat(makbuz.path("seriNo").asText()).isEqualTo("KP");
        assertThat(makbuz.path("islemNo").asText()).isEqualTo("T-1");

        assertThat(collect(31, "sim-desk-31", number, total, "T-2").path("resultCode").asText()).isEqualTo("0510");
        assertThat(collect(32, "sim-desk-32", number, total, "T-3").path("resultCode").asText()).isEqualTo("0530");
        assertThat(call("TahsilSorgulaByIslemNo", form("islemNo", "T-1", "btsVezneId", "31"))
                .path("bgsTahsilSonucDto").path("listBgsTahsilSonucMakbuzDto").get(0).path("bgsTahsilGenelId").asLong())
                .isEqualTo(makbuz.path("bgsTahsilGenelId").asLong());
    }

    @Test
    void anEarlierCollectionDateMeansLessSurcharge() {
        JsonNode invoice = overdueInvoice();
        BigDecimal debt = invoice.path("debt").decimalValue();
        ZonedDateTime dueDay = java.time.LocalDate.parse(invoice.path("due_date").asText())
                .atStartOfDay(SimulatorClock.TURKEY);
        JsonNode receipt = collectOn(invoice.path("invoice_number").asText(), debt, "T-EARLY", dueDay);
        assertThat(receipt.path("success").asBoolean()).as(receipt.toString()).isTrue();
    }

    @Test
    void aCancelWorksOnlyOnTheSameDayAtTheSameDeskAndOnlyOnce() {
        long first = collectOpenInvoice("T-C1");
        assertThat(call("TahsilKaydiIptalEdilebilir", form("bgsTahsilGenelId", first + "", "btsVezneId", "32"))
                .path("resultCode").asText()).isEqualTo("0118");
        assertThat(call("TahsilKaydiIptalEdilebilir", form("bgsTahsilGenelId", first + "", "btsVezneId", "31"))
                .path("success").asBoolean()).isTrue();
        assertThat(call("TahsilKaydiIptalEt", form("bgsTahsilGenelId", first + "", "btsVezneId", "31"))
                .path("success").asBoolean()).isTrue();
        assertThat(call("TahsilKaydiIptalEt", form("bgsTahsilGenelId", first + "", "btsVezneId", "31"))
                .path("resultCode").asText()).isEqualTo("0116");
        assertThat(call("TahsilKaydiIptalEt", form("bgsTahsilGenelId", "1", "btsVezneId", "31"))
                .path("resultCode").asText()).isEqualTo("0115");

        long second = collectOpenInvoice("T-C2");
        client.post("/admin/clock", "{\"now\":\"" + now().plusDays(1).toOffsetDateTime() + "\"}", Map.of());
        assertThat(client.flexCity(INSTITUTION, "TahsilKaydiIptalEt", form("bgsTahsilGenelId", second + "",
                "btsVezneId", "31"), KEY, SECURITY, now()).body().path("resultCode").asText())
                .isEqualTo("0117");
    }

    @Test
    void theDailyTotalsAndReceiptListMatchTheCollectionsOfTheDesk() {
        JsonNode invoices = client.get("/admin/flexcity/" + INSTITUTION + "/invoices", Map.of()).body();
        BigDecimal standing = BigDecimal.ZERO;
        BigDecimal cancelled = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            JsonNode invoice = invoices.get(i);
            JsonNode receipt = collect(31, "sim-desk-31", invoice.path("invoice_number").asText(),
                    invoice.path("total").decimalValue(), "T-ICMAL-" + i);
            long id = receipt.path("bgsTahsilSonucDto").path("listBgsTahsilSonucMakbuzDto").get(0)
                    .path("bgsTahsilGenelId").asLong();
            if (i == 2) {
                call("TahsilKaydiIptalEt", form("bgsTahsilGenelId", id + "", "btsVezneId", "31"));
                cancelled = cancelled.add(invoice.path("total").decimalValue());
            } else {
                standing = standing.add(invoice.path("total").decimalValue());
            }
        }
        String today = SimulatorClient.REQUEST_DATE.format(now().toLocalDate().atStartOfDay(SimulatorClock.TURKEY));
        Map<String, String> day = form("ilkTarih", today, "sonTarih", today, "btsVezneId", "31");
        JsonNode totals = call("TahsilIcmali", day).path("bgsTahsilIcmalDto");
        assertThat(totals.path("tahsilEdilenTutar").decimalValue()).isEqualByComparingTo(standing);
        assertThat(totals.path("tahsilAdedi").asLong()).isEqualTo(2);
        assertThat(totals.path("iptalEdilenTutar").decimalValue()).isEqualByComparingTo(cancelled);
        assertThat(totals.path("iptalAdedi").asLong()).isEqualTo(1);

        JsonNode receipts = call("TahsilIcmaliDetay", day).path("bgsTahsilSonucDto").path("listBgsTahsilSonucMakbuzDto");
        assertThat(receipts).hasSize(2);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode receipt : receipts) {
            for (JsonNode line : receipt.path("listBgsTahsilSonucMakbuzDetayDto")) {
                sum = sum.add(line.path("tutar").decimalValue());
            }
        }
        assertThat(sum).isEqualByComparingTo(standing);
    }

    @Test
    void aTimeoutAfterCommitBooksTheCollectionButNeverAnswers() {
        client.put("/admin/faults/flexcity/TahsilKaydiOlusturByFatura", "{\"timeout_after_commit\": true,"
                + " \"remaining\": 1}", Map.of());
        JsonNode invoice = openInvoice();
        String transaction = "T-" + UUID.randomUUID();
        assertThatThrownBy(() -> collect(31, "sim-desk-31", invoice.path("invoice_number").asText(),
                invoice.path("total").decimalValue(), transaction)).isInstanceOf(java.io.UncheckedIOException.class);
        JsonNode found = call("TahsilSorgulaByIslemNo", form("islemNo", transaction, "btsVezneId", "31"));
        assertThat(found.path("success").asBoolean()).isTrue();
        assertThat(collect(31, "sim-desk-31", invoice.path("invoice_number").asText(),
                invoice.path("total").decimalValue(), transaction).path("resultCode").asText()).isEqualTo("0510");
    }

    @Test
    void aLateCommitBooksTheCollectionAfterTheCallerGaveUp() throws Exception {
        client.put("/admin/faults/flexcity/TahsilKaydiOlusturByFatura", "{\"commit_after_ms\": 1500,"
                + " \"remaining\": 1}", Map.of());
        JsonNode invoice = openInvoice();
        String transaction = "T-" + UUID.randomUUID();
        SimulatorClient impatient = client.withTimeout(Duration.ofMillis(400));

        assertThatThrownBy(() -> impatient.flexCity(INSTITUTION, "TahsilKaydiOlusturByFatura", collectForm(31,
                "sim-desk-31", invoice.path("invoice_number").asText(), invoice.path("total").decimalValue(),
                transaction), KEY, SECURITY, now())).isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(findByTransaction(transaction).path("resultCode").asText()).isEqualTo("0115");

        Thread.sleep(1500);
        assertThat(findByTransaction(transaction).path("success").asBoolean()).isTrue();
    }

    @Test
    void anErrorAfterCommitBooksTheCollectionAndAnswersTheError() {
        client.put("/admin/faults/flexcity/TahsilKaydiOlusturByFatura", "{\"error_after_commit\": \"0900\","
                + " \"remaining\": 1}", Map.of());
        JsonNode invoice = openInvoice();
        String first = "T-" + UUID.randomUUID();
        assertThat(collect(31, "sim-desk-31", invoice.path("invoice_number").asText(),
                invoice.path("total").decimalValue(), first).path("resultCode").asText()).isEqualTo("0900");
        assertThat(findByTransaction(first).path("success").asBoolean()).isTrue();

        client.put("/admin/faults/flexcity/TahsilKaydiOlusturByFatura", "{\"error_after_commit\": \"http500\","
                + " \"remaining\": 1}", Map.of());
        JsonNode other = client.get("/admin/flexcity/" + INSTITUTION + "/invoices", Map.of()).body().get(0);
        String second = "T-" + UUID.randomUUID();
        assertThat(client.flexCity(INSTITUTION, "TahsilKaydiOlusturByFatura", collectForm(31, "sim-desk-31",
                other.path("invoice_number").asText(), other.path("total").decimalValue(), second), KEY, SECURITY,
                now()).status()).isEqualTo(500);
        assertThat(findByTransaction(second).path("success").asBoolean()).isTrue();
    }

    @Test
    void aCancelCanLoseItsAnswerAfterOrBeforeItIsApplied() {
        long applied = collectOpenInvoice("T-LOST-1");
        client.put("/admin/faults/flexcity/TahsilKaydiIptalEt", "{\"timeout_after_commit\": true, \"remaining\": 1}",
                Map.of());
        assertThatThrownBy(() -> call("TahsilKaydiIptalEt", form("bgsTahsilGenelId", applied + "", "btsVezneId", "31")))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(call("TahsilKaydiIptalEdilebilir", form("bgsTahsilGenelId", applied + "", "btsVezneId", "31"))
                .path("resultCode").asText()).isEqualTo("0116");

        long notApplied = collectOpenInvoice("T-LOST-2");
        client.put("/admin/faults/flexcity/TahsilKaydiIptalEt", "{\"drop_before_commit\": true, \"remaining\": 1}",
                Map.of());
        assertThatThrownBy(() -> call("TahsilKaydiIptalEt", form("bgsTahsilGenelId", notApplied + "", "btsVezneId",
                "31"))).isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(call("TahsilKaydiIptalEdilebilir", form("bgsTahsilGenelId", notApplied + "", "btsVezneId", "31"))
                .path("success").asBoolean()).isTrue();
    }

    @Test
    void aFaultWithARateAppliesToThatShareOfCallsOnly() {
        client.put("/admin/faults/flexcity/FindAllBorcSorgu", "{\"error\": \"0900\", \"rate\": 0.0,"
                + " \"remaining\": 1}", Map.of());
        for (int i = 0; i < 5; i++) {
            assertThat(call("FindAllBorcSorgu", form("bgsBeyanIdList", "[1]")).path("success").asBoolean()).isTrue();
        }
        client.put("/admin/faults/flexcity/FindAllBorcSorgu", "{\"timeout_after_commit\": true, \"rate\": 1.0,"
                + " \"remaining\": 1}", Map.of());
        assertThatThrownBy(() -> call("FindAllBorcSorgu", form("bgsBeyanIdList", "[1]")))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(call("FindAllBorcSorgu", form("bgsBeyanIdList", "[1]")).path("success").asBoolean()).isTrue();
    }

    @Test
    void injectedErrorsAnswerWithTheUpstreamCodeOrHttp500() {
        client.put("/admin/faults/flexcity/FindAllBorcSorgu", "{\"error\": \"0900\", \"remaining\": 1}", Map.of());
        assertThat(call("FindAllBorcSorgu", form("bgsBeyanIdList", "[1]")).path("resultCode").asText())
                .isEqualTo("0900");
        client.put("/admin/faults/flexcity/*", "{\"error\": \"http500\", \"remaining\": 1}", Map.of());
        assertThat(client.flexCity(INSTITUTION, "FindAllBorcSorgu", form("bgsBeyanIdList", "[1]"), KEY, SECURITY,
                now()).status()).isEqualTo(500);
        assertThat(call("FindAllBorcSorgu", form("bgsBeyanIdList", "[1]")).path("success").asBoolean()).isTrue();
    }

    @Test
    void subscribersAndMergesAreFound() {
        String today = SimulatorClient.REQUEST_DATE.format(now());
        String monthAgo = SimulatorClient.REQUEST_DATE.format(now().minusDays(30));
        JsonNode merges = call("FindALLSbsBirlesenMuhatapBilgileriDtoByTarihAraligi",
                form("ilkTarih", monthAgo, "sonTarih", today));
        assertThat(merges.path("listSbsBirlesenMuhatapDto")).isNotEmpty();
        assertThat(merges.path("listSbsBirlesenMuhatapDto").get(0).path("durumu").asText()).isEqualTo("BIRLESTIRILDI");
        assertThat(call("FindSicilAndBeyanIdByParameterDto", form("aboneNo", "0", "bolgeId", "301"))
                .path("resultCode").asText()).isEqualTo("0005");
    }

    private long collectOpenInvoice(String transaction) {
        JsonNode invoice = openInvoice();
        return collect(31, "sim-desk-31", invoice.path("invoice_number").asText(), invoice.path("total").decimalValue(),
                transaction).path("bgsTahsilSonucDto").path("listBgsTahsilSonucMakbuzDto").get(0)
                .path("bgsTahsilGenelId").asLong();
    }

    private JsonNode collect(long desk, String password, String invoice, BigDecimal total, String transaction) {
        return call("TahsilKaydiOlusturByFatura", collectForm(desk, password, invoice, total, transaction));
    }

    private static Map<String, String> collectForm(long desk, String password, String invoice, BigDecimal total,
                                                   String transaction) {
        String dto = "{\"islemNo\":\"%s\",\"btsVezneId\":%d,\"btsVezneSifre\":\"%s\",\"faturaNo\":\"%s\",\"toplamTutar\":\"%s\"}"
                .formatted(transaction, desk, password, invoice, total.toPlainString());
        return form("bgsTahsilKaydiDto", dto);
    }

    private JsonNode findByTransaction(String transaction) {
        return call("TahsilSorgulaByIslemNo", form("islemNo", transaction, "btsVezneId", "31"));
    }

    private JsonNode collectOn(String invoice, BigDecimal total, String transaction, ZonedDateTime day) {
        String dto = ("{\"islemNo\":\"%s\",\"btsVezneId\":31,\"btsVezneSifre\":\"sim-desk-31\",\"faturaNo\":\"%s\","
                + "\"toplamTutar\":%s,\"tahsilTarihi\":\"%s\"}")
                .formatted(transaction, invoice, total.toPlainString(), SimulatorClient.REQUEST_DATE.format(day));
        return call("TahsilKaydiOlusturByFatura", form("bgsTahsilKaydiDto", dto));
    }

    private JsonNode openInvoice() {
        return client.get("/admin/flexcity/" + INSTITUTION + "/invoices", Map.of()).body().get(0);
    }

    private JsonNode overdueInvoice() {
        for (JsonNode invoice : client.get("/admin/flexcity/" + INSTITUTION + "/invoices", Map.of()).body()) {
            if (invoice.path("surcharge").decimalValue().signum() > 0) {
                return invoice;
            }
        }
        throw new AssertionError("the standard scenario has overdue invoices");
    }

    private JsonNode call(String method, Map<String, String> form) {
        return client.flexCity(INSTITUTION, method, form, KEY, SECURITY, now()).body();
    }

    private static ZonedDateTime now() {
        return simulator.clock().nowInTurkey();
    }
}

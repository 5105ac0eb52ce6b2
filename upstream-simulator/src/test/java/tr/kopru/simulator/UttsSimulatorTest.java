package tr.kopru.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UttsSimulatorTest extends SimulatorTestBase {

    @Test
    void loginAnswersTheWrappedFormWithASignedTokenAndASessionCookie() {
        SimulatorClient.Response login = login("servis-a@example.com", "sim-password-a");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().path("succeeded").asBoolean()).isTrue();
        JsonNode item = login.body().path("item");
        assertThat(item.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(item.path("accessToken").asText().split("\\.")).hasSize(3);
        assertThat(item.path("expiresIn").asLong()).isEqualTo(3600);
        assertThat(item.path("refreshToken").asText()).isNotBlank();
        assertThat(login.raw().headers().allValues("set-cookie")).anyMatch(c -> c.startsWith("lena_session_cookie="));
    }

    @Test
    void aWrongPasswordIsNotSucceededWithAMessageThoughHttp200() {
        SimulatorClient.Response login = login("servis-a@example.com", "wrong");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().path("succeeded").asBoolean()).isFalse();
        assertThat(login.body().path("errors").get(0).asText()).contains("hatalı");
    }

    @Test
    void aPageOfAThousandParsesAsTheRealEnvelopeWithEveryField() {
        JsonNode page = page(token("servis-a@example.com", "sim-password-a"), "PageNumber=1&PageSize=1000");
        JsonNode item = page.path("item");
        assertThat(page.path("succeeded").asBoolean()).isTrue();
        assertThat(item.path("items")).hasSize(500);
        assertThat(item.path("totalCount").asLong()).isEqualTo(500);
        assertThat(item.path("totalPages").asLong()).isEqualTo(1);
        assertThat(item.path("hasNextPage").asBoolean()).isFalse();
        JsonNode record = item.path("items").get(0);
        for (String field : new String[] {"licensePlate", "installationCode", "companyName", "serviceName",
                "vehicleCompanyName", "taxInfoNumber", "taxInfoOffice", "driverEmail", "driverPhoneNumber", "address",
                "city", "district", "vehicleOrderInstallationStatus", "productName", "fullName", "salePriceString",
                "netSalePriceString", "activationDateString", "activationHourString", "vehicleOrderInstallationId",
                "vehicleOrderInstallationStatusId", "lastModified", "ttbServiceName", "ttbServiceReferenceNumber",
                "technicianFullName", "installmentDateString", "installmentHourString", "hasReceiptInfo",
                "companyTypeStr"}) {
            assertThat(record.has(field)).as(field).isTrue();
        }
        assertThat(record.path("salePriceString").isTextual()).isTrue();
        assertThat(record.path("installmentDateString").asText()).matches("\\d{2}\\.\\d{2}\\.\\d{4}");
        assertThat(record.path("installmentHourString").asText()).matches("\\d{2}:\\d{2}");
    }

    @Test
    void pagingParametersAreCaseInsensitiveAndAPageSizeOverAThousandIsA400() {
        String token = token("servis-b@example.com", "sim-password-b");
        JsonNode page = page(token, "pagenumber=2&pagesize=100");
        assertThat(page.path("item").path("pageNumber").asInt()).isEqualTo(2);
        assertThat(page.path("item").path("items").get(0).path("vehicleOrderInstallationId").asLong())
                .isEqualTo(200_000_101L);
        assertThat(client.get("/support-operations/installation-progresses?PageNumber=1&PageSize=1001",
                Map.of("Authorization", "Bearer " + token)).status()).isEqualTo(400);
    }

    @Test
    void aMissingOrExpiredTokenIs401() {
        String token = token("servis-a@example.com", "sim-password-a");
        assertThat(client.get("/support-operations/installation-progresses", Map.of()).status()).isEqualTo(401);
        client.post("/admin/clock", "{\"now\":\"" + Instant.now().plus(Duration.ofHours(2)) + "\"}", Map.of());
        assertThat(client.get("/support-operations/installation-progresses?PageNumber=1&PageSize=10",
                Map.of("Authorization", "Bearer " + token)).status()).isEqualTo(401);
    }

    @Test
    void filtersFindTheRecordsTheyName() {
        String token = token("servis-a@example.com", "sim-password-a");
        JsonNode first = page(token, "PageNumber=1&PageSize=1").path("item").path("items").get(0);
        JsonNode byPlate = page(token, "PageNumber=1&PageSize=10&LicensePlate="
                + first.path("licensePlate").asText().replace(" ", "%20")).path("item");
        assertThat(byPlate.path("items")).extracting(r -> r.path("vehicleOrderInstallationId").asLong())
                .contains(first.path("vehicleOrderInstallationId").asLong());
        JsonNode byCode = page(token, "PageNumber=1&PageSize=10&InstallationCode="
                + first.path("installationCode").asText()).path("item");
        assertThat(byCode.path("totalCount").asLong()).isEqualTo(1);
        JsonNode active = page(token, "PageNumber=1&PageSize=1000&VehicleOrderInstallationStatus=5").path("item");
        active.path("items").forEach(r -> assertThat(r.path("vehicleOrderInstallationStatusId").asInt()).isEqualTo(5));
    }

    @Test
    void advancingTimeAddsRecordsAndChangesAShareOfTheOthers() {
        String token = token("servis-a@example.com", "sim-password-a");
        JsonNode before = page(token, "PageNumber=1&PageSize=1000").path("item");
        client.post("/admin/utts/advance", "{\"generations\": 3}", Map.of());
        JsonNode after = page(token, "PageNumber=1&PageSize=1000").path("item");
        assertThat(after.path("totalCount").asLong()).isEqualTo(530);
        Set<String> changed = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            if (!before.path("items").get(i).equals(after.path("items").get(i))) {
                changed.add(after.path("items").get(i).path("installationCode").asText());
            }
        }
        assertThat(changed.size()).isBetween(20, 200);
        assertThat(page(token, "PageNumber=1&PageSize=1000").path("item")).isEqualTo(after);
    }

    @Test
    void theAdminListingHoldsEveryInstallationTheApiListsWithItsStatus() {
        client.post("/admin/utts/advance", "{\"generations\": 2}", Map.of());
        JsonNode listed = page(token("servis-b@example.com", "sim-password-b"), "PageNumber=1&PageSize=1000")
                .path("item").path("items");
        JsonNode admin = client.get("/admin/utts/installations?account=servis-b@example.com", Map.of()).body();
        assertThat(admin).hasSize(listed.size());
        for (int i = 0; i < listed.size(); i++) {
            assertThat(admin.get(i).path("id").asLong()).isEqualTo(listed.get(i).path("vehicleOrderInstallationId")
                    .asLong());
            assertThat(admin.get(i).path("status_id").asInt()).isEqualTo(listed.get(i)
                    .path("vehicleOrderInstallationStatusId").asInt());
        }
        assertThat(client.get("/admin/utts/installations?account=nobody@example.com", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void aShiftedListingMovesEveryRecordAfterItsHeadFromTheCallAfterTheOnesLetThrough() {
        String token = token("servis-a@example.com", "sim-password-a");
        client.put("/admin/faults/utts/installation-progresses",
                "{\"shift_listing\": 3, \"after_calls\": 1, \"remaining\": 1}", Map.of());
        JsonNode untouched = page(token, "PageNumber=1&PageSize=10").path("item");
        assertThat(untouched.path("totalCount").asLong()).isEqualTo(500);
        assertThat(untouched.path("items").get(0).path("vehicleOrderInstallationId").asLong()).isEqualTo(100_000_001L);

        JsonNode shifted = page(token, "PageNumber=1&PageSize=10").path("item");
        assertThat(shifted.path("totalCount").asLong()).isEqualTo(503);
        assertThat(shifted.path("items").findValuesAsText("vehicleOrderInstallationId").subList(0, 4))
                .containsExactly("190000003", "190000002", "190000001", "100000001");

        client.put("/admin/faults/utts/installation-progresses", "{\"shift_listing\": -5, \"remaining\": 1}",
                Map.of());
        JsonNode shrunk = page(token, "PageNumber=1&PageSize=10").path("item");
        assertThat(shrunk.path("totalCount").asLong()).isEqualTo(498);
        assertThat(shrunk.path("items").get(0).path("vehicleOrderInstallationId").asLong()).isEqualTo(100_000_003L);

        client.put("/admin/faults/utts/installation-progresses", "{\"shift_listing\": 1, \"remaining\": 1}",
                Map.of());
        JsonNode grown = page(token, "PageNumber=1&PageSize=10").path("item");
        assertThat(grown.path("totalCount").asLong()).isEqualTo(499);
        assertThat(grown.path("items").findValuesAsText("vehicleOrderInstallationId").subList(0, 2))
                .containsExactly("190000004", "100000003");
    }

    private SimulatorClient.Response login(String email, String password) {
        return client.post("/users/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", Map.of());
    }

    private String token(String email, String password) {
        return login(email, password).body().path("item").path("accessToken").asText();
    }

    private JsonNode page(String token, String query) {
        SimulatorClient.Response response = client.get("/support-operations/installation-progresses?" + query,
                Map.of("Authorization", "Bearer " + token));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}

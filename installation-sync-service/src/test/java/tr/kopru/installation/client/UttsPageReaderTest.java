package tr.kopru.installation.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import tr.kopru.installation.domain.UttsField;
import tr.kopru.installation.domain.UttsRecord;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UttsPageReaderTest {

    private final UttsPageReader reader = new UttsPageReader(new ObjectMapper());

    @Test
    void readsTheWrappedEnvelopeAndKeepsEachRecordsJsonVerbatim() {
        String second = "{\"vehicleOrderInstallationId\": \"200000002\",  \"city\": \"İzmir\", \"extra\": {\"a\": [1, 2]}}";
        UttsPage page = read("""
                {"item": {"items": [{"vehicleOrderInstallationId": 200000001, "licensePlate": " 34 ABC 123 ",
                  "taxInfoNumber": "0123456789", "vehicleOrderInstallationStatusId": 5, "productName": "",
                  "district": null, "ttbServiceName": "TTB Servis 2"}, %s],
                  "pageNumber": 3, "pageSize": 2, "totalCount": 7, "totalPages": 4, "hasNextPage": true},
                 "succeeded": true, "errors": null, "code": null}
                """.formatted(second));

        assertThat(page.pageNumber()).isEqualTo(3);
        assertThat(page.pageSize()).isEqualTo(2);
        assertThat(page.totalCount()).isEqualTo(7);
        assertThat(page.totalPages()).isEqualTo(4);
        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.items()).hasSize(2);
        UttsRecord first = page.items().get(0);
        assertThat(first.text(UttsField.ID)).isEqualTo("200000001");
        assertThat(first.text(UttsField.LICENCE_PLATE)).isEqualTo("34 ABC 123");
        assertThat(first.text(UttsField.OWNER_TAX_NUMBER)).isEqualTo("0123456789");
        assertThat(first.text(UttsField.STATUS_ID)).isEqualTo("5");
        assertThat(first.text(UttsField.PRODUCT)).isNull();
        assertThat(first.text(UttsField.DISTRICT)).isNull();
        assertThat(page.items().get(1).text(UttsField.CITY)).isEqualTo("İzmir");
        assertThat(page.items().get(1).json()).isEqualTo(second);
    }

    @Test
    void readsTheFlatEnvelopeAndAShortPageIsTheLast() {
        UttsPage page = read("""
                {"pageNumber": 2, "pageSize": 1000, "items": [{"vehicleOrderInstallationId": 1}, "not a record"],
                 "hasNextPage": true}
                """);

        assertThat(page.items()).hasSize(2);
        assertThat(page.items().get(1).text(UttsField.ID)).isNull();
        assertThat(page.items().get(1).json()).isEqualTo("\"not a record\"");
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void anEnvelopeWithoutHasNextPageEndsByItsTotalsOrElseAtAShortOrEmptyPage() {
        String full = "{\"item\": {\"items\": [{\"vehicleOrderInstallationId\": 1}, {\"vehicleOrderInstallationId\": 2}]%s},"
                + " \"succeeded\": true}";
        assertThat(reader.read(bytes(full.formatted("")), 1, 2).isLast()).as("no paging fields: read on").isFalse();
        assertThat(reader.read(bytes("{\"item\": {\"items\": []}, \"succeeded\": true}"), 2, 2).isLast()).isTrue();
        assertThat(reader.read(bytes(full.formatted(", \"totalPages\": 3")), 2, 2).isLast()).isFalse();
        assertThat(reader.read(bytes(full.formatted(", \"totalPages\": 3")), 3, 2).isLast()).isTrue();
        assertThat(reader.read(bytes(full.formatted(", \"totalCount\": 6")), 2, 2).isLast()).isFalse();
        assertThat(reader.read(bytes(full.formatted(", \"totalCount\": 6")), 3, 2).isLast()).isTrue();
        UttsPage page = reader.read(bytes(full.formatted("")), 4, 2);
        assertThat(page.pageNumber()).isEqualTo(4);
        assertThat(page.hasNextPage()).isNull();
    }

    @Test
    void aFailedAnswerCarriesTheUpstreamsMessageAndAPageWithoutItemsIsRefused() {
        assertThatThrownBy(() -> read("""
                {"item": null, "succeeded": false, "errors": {"PageSize": ["En fazla 1000 olabilir."]}}
                """)).isInstanceOf(UttsUnavailableException.class).hasMessageContaining("PageSize: En fazla 1000");
        assertThatThrownBy(() -> read("{\"item\": {\"pageNumber\": 1}, \"succeeded\": true}"))
                .isInstanceOf(UttsUnavailableException.class).hasMessageContaining("no items list");
        assertThatThrownBy(() -> read("<html>Bakım çalışması</html>"))
                .isInstanceOf(UttsUnavailableException.class).hasMessageContaining("not JSON");
    }

    private UttsPage read(String json) {
        return reader.read(bytes(json), 1, 1000);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}

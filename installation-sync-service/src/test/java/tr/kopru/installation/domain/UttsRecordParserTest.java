package tr.kopru.installation.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import tr.kopru.model.Money;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UttsRecordParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void readsTurkishAndPlainPricesDatesInTurkeyTimeAndKeepsLeadingZeros() throws Exception {
        InstallationSnapshot s = UttsRecordParser.parse(record("""
                "salePriceString": "1.234,56", "netSalePriceString": "1028.80", "taxInfoNumber": "0123456789",
                "driverPhoneNumber": "05321234567", "activationDateString": "22.11.2026", "activationHourString": "14:30",
                "lastModified": "2026-11-23T09:10:41.250"
                """), "servis-a", NOW);
        assertThat(s.salePriceInclVat()).isEqualTo(Money.of("1234.56"));
        assertThat(s.salePriceExclVat()).isEqualTo(Money.of("1028.80"));
        assertThat(s.ownerTaxNumber()).isEqualTo("0123456789");
        assertThat(s.activatedAt()).isEqualTo(Instant.parse("2026-11-22T11:30:00Z"));
        assertThat(s.upstreamLastModifiedAt()).isEqualTo(Instant.parse("2026-11-23T06:10:41.250Z"));
        assertThat(s.uttsAccount()).isEqualTo("servis-a");
    }

    @Test
    void honoursAnOffsetWhenThereIsOneAndToleratesMissingOptionalFields() throws Exception {
        InstallationSnapshot s = UttsRecordParser.parse(record("\"lastModified\": \"2026-11-23T09:10:41+03:00\""),
                "servis-a", NOW);
        assertThat(s.upstreamLastModifiedAt()).isEqualTo(Instant.parse("2026-11-23T06:10:41Z"));
        assertThat(s.salePriceInclVat()).isNull();
        assertThat(s.activatedAt()).isNull();
        assertThat(UttsRecordParser.parse(record("\"productName\": null"), "servis-a", NOW).upstreamLastModifiedAt())
                .isEqualTo(NOW);
    }

    @Test
    void aDotBeforeExactlyThreeDigitsGroupsThousandsAndAnAmbiguousPriceIsRefused() throws Exception {
        assertThat(price("\"1.250\"")).isEqualTo(Money.of("1250.00"));
        assertThat(price("\"1.250.000\"")).isEqualTo(Money.of("1250000.00"));
        assertThat(price("\"1.250,5\"")).isEqualTo(Money.of("1250.50"));
        assertThat(price("\"1,250.50\"")).isEqualTo(Money.of("1250.50"));
        assertThat(price("\"176.5\"")).isEqualTo(Money.of("176.50"));
        assertThat(price("\"1250\"")).isEqualTo(Money.of("1250.00"));
        assertThat(price("\"1250,00\"")).isEqualTo(Money.of("1250.00"));
        // A JSON number is a number: 1.250 is one lira and a quarter.
        assertThat(price("1.250")).isEqualTo(Money.of("1.25"));
        for (String ambiguous : new String[] {"\"12.3456\"", "\"1,234\"", "\"1234.567\"", "\"1.23.456\"", "\"-5\""}) {
            assertThatThrownBy(() -> price(ambiguous)).as(ambiguous).isInstanceOf(UnreadableRecordException.class)
                    .hasMessageContaining("salePriceString");
        }
    }

    private static Money price(String json) throws Exception {
        return UttsRecordParser.parse(record("\"salePriceString\": " + json), "servis-a", NOW).salePriceInclVat();
    }

    @Test
    void namesTheFieldThatCannotBeRead() {
        assertThatThrownBy(() -> UttsRecordParser.parse(record("\"salePriceString\": \"on iki bin\""), "a", NOW))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("salePriceString");
        assertThatThrownBy(() -> UttsRecordParser.parse(record("\"activationDateString\": \"31.02.2026\""), "a", NOW))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("activation");
        assertThatThrownBy(() -> UttsRecordParser.parse(read("{\"licensePlate\": \"34 AB 1\"}"), "a", NOW))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("vehicleOrderInstallationId");
    }

    private static UttsRecord record(String extra) throws Exception {
        return read("""
                {"vehicleOrderInstallationId": 100000001, "installationCode": "MNT-1", "licensePlate": "34 ABC 123",
                 "vehicleOrderInstallationStatus": "Aktif", "vehicleOrderInstallationStatusId": 5, %s}
                """.formatted(extra));
    }

    private static UttsRecord read(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = JSON.getFactory().createParser(bytes)) {
            parser.nextToken();
            return UttsRecordReader.read(parser, bytes);
        }
    }
}

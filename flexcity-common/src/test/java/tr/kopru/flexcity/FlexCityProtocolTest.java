package tr.kopru.flexcity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlexCityProtocolTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void signsWithTheTurkeyTimeRequestDateAndMd5OfSecurityCodePlusDate() throws Exception {
        Instant now = Instant.parse("2014-02-13T13:55:51Z");
        String header = FlexCitySignature.header("APP", "SECRET", now, Optional.of("10.10.0.1"));

        String date = "2014-02-13T15:55:51+02:00";
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(("SECRET" + date).getBytes(StandardCharsets.UTF_8)));
        assertThat(header).isEqualTo("applicationkey=APP,requestdate=" + date + ",md5hashcode=" + md5
                + ",xFowardedFor=10.10.0.1");
        assertThat(FlexCitySignature.header("APP", "SECRET", now, Optional.empty())).doesNotContain("xFowardedFor");
    }

    @Test
    void readsBothDateFormats() {
        assertThat(FlexCityDates.day("2017-08-21T00:00:00+03:00")).isEqualTo(LocalDate.of(2017, 8, 21));
        assertThat(FlexCityDates.day("Jan 1, 1979 12:00:00 AM")).isEqualTo(LocalDate.of(1979, 1, 1));
        assertThat(FlexCityDates.day("Feb 28, 1998 12:00:00\nAM")).isEqualTo(LocalDate.of(1998, 2, 28));
        assertThat(FlexCityDates.day(" Mar  5, 2001\t12:00:00 AM ")).isEqualTo(LocalDate.of(2001, 3, 5));
        assertThat(FlexCityDates.parse("Jan 1, 2020 3:15:00 PM")).isEqualTo(Instant.parse("2020-01-01T12:15:00Z"));
        assertThatThrownBy(() -> FlexCityDates.day("31.12.2014")).isInstanceOf(FlexCityProtocolException.class);
    }

    @Test
    void readsOcrSpellingsAndAmountsAsNumbersOrStrings() throws Exception {
        var node = json.readTree("{\"sbsMuhatapld\": 332859, \"bgsTahsilcmalDto\": {\"tahsilEdilenTutar\": \"1.234,56\"},"
                + " \"toplamTutar\": \"176.5\", \"borcTutari\": 51.07}");
        assertThat(FlexCityAnswer.number(node, "sbsMuhatapId")).isEqualTo(332859L);
        assertThat(FlexCityAnswer.amount(FlexCityAnswer.field(node, "bgsTahsilIcmalDto"), "tahsilEdilenTutar"))
                .isEqualByComparingTo("1234.56");
        assertThat(FlexCityAnswer.amount(node, "toplamTutar")).isEqualByComparingTo(new BigDecimal("176.5"));
        assertThat(FlexCityAnswer.amount(node, "borcTutari")).isEqualByComparingTo("51.07");
    }

    @Test
    void mapsEveryResultCodeAndTreatsBothSuccessSpellingsAsSuccess() throws Exception {
        assertThat(new FlexCityAnswer(json.readTree("{\"resultCode\": \"GNL_ISLEM_BASARILI\", \"success\": true}"))
                .succeeded()).isTrue();
        FlexCityAnswer mismatch = new FlexCityAnswer(json.readTree(
                "{\"resultCode\": \"0512\", \"resultMessage\": \"uyumsuz\", \"success\": false}"));
        assertThat(mismatch.resultCode()).isEqualTo(FlexCityResultCode.AMOUNT_MISMATCH);
        assertThatThrownBy(mismatch::orThrow).isInstanceOf(FlexCityRejectedException.class)
                .hasMessageContaining("0512");
        assertThat(new FlexCityAnswer(json.readTree("{\"success\": false}")).resultCode())
                .isEqualTo(FlexCityResultCode.UNLISTED);
        assertThat(FlexCityResultCode.of("0116")).isEqualTo(FlexCityResultCode.ALREADY_CANCELLED);
        assertThat(FlexCityResultCode.of("0999")).isEqualTo(FlexCityResultCode.UNLISTED);
        assertThat(FlexCityResultCode.PAST_DAY_CANCEL.meaning()).isEqualTo("Geçmiş Tarihli Tahsil Kaydı İptal Edilemez.");
    }
}

package tr.kopru.flexcity;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A BgsTahsilSonucDto answer read straight into receipts, without a JSON tree: a desk's day can hold a hundred
 * thousand receipts, and a tree of them would not fit a service's heap. Reads the same names and formats as
 * {@link FlexCityAnswer} (OCR spellings as aliases, amounts as numbers or strings, both date formats).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FlexCityReceiptList(String resultCode, String resultMessage, Boolean success,
                           @JsonAlias("bgsTahsilSonucDTO") Result bgsTahsilSonucDto) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static FlexCityReceiptList read(byte[] body) throws IOException {
        return JSON.readValue(body, FlexCityReceiptList.class);
    }

    static FlexCityReceiptList of(FlexCityAnswer answer) {
        try {
            return JSON.treeToValue(answer.body(), FlexCityReceiptList.class);
        } catch (IOException e) {
            throw new FlexCityProtocolException("FlexCity's receipts do not read: " + e.getMessage());
        }
    }

    /** The receipts, or the typed rejection the answer carries. */
    List<FlexCityReceipt> receiptsOrThrow() {
        FlexCityResultCode code = FlexCityResultCode.of(resultCode);
        if (code == FlexCityResultCode.SUCCESS && Boolean.FALSE.equals(success)) {
            code = FlexCityResultCode.UNLISTED;
        }
        if (code != FlexCityResultCode.SUCCESS) {
            throw new FlexCityRejectedException(code, resultMessage);
        }
        List<FlexCityReceipt> receipts = new ArrayList<>();
        if (bgsTahsilSonucDto != null && bgsTahsilSonucDto.listBgsTahsilSonucMakbuzDto() != null) {
            for (Receipt r : bgsTahsilSonucDto.listBgsTahsilSonucMakbuzDto()) {
                BigDecimal total = r.listBgsTahsilSonucMakbuzDetayDto() == null ? BigDecimal.ZERO
                        : r.listBgsTahsilSonucMakbuzDetayDto().stream().map(Line::tutar).filter(Objects::nonNull)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                receipts.add(new FlexCityReceipt(r.bgsTahsilGenelId(), blankToNull(r.islemNo()), r.vezneAdi(),
                        r.seriNo(), r.makbuzNo(), r.tahsilTarihi(), total));
            }
        }
        return receipts;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(List<Receipt> listBgsTahsilSonucMakbuzDto) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Receipt(long bgsTahsilGenelId, String islemNo, String vezneAdi, String seriNo, Long makbuzNo,
                   @JsonDeserialize(using = DayReader.class) LocalDate tahsilTarihi,
                   List<Line> listBgsTahsilSonucMakbuzDetayDto) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(@JsonDeserialize(using = AmountReader.class) BigDecimal tutar) {
    }

    static final class DayReader extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return FlexCityDates.day(parser.getValueAsString());
        }
    }

    static final class AmountReader extends JsonDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken().isNumeric()) {
                return parser.getDecimalValue();
            }
            return FlexCityAnswer.amount(JSON.createObjectNode().put("tutar", parser.getValueAsString()), "tutar");
        }
    }
}

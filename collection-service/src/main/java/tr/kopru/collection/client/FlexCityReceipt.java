package tr.kopru.collection.client;

import com.fasterxml.jackson.databind.JsonNode;
import tr.kopru.flexcity.FlexCityAnswer;

import java.math.BigDecimal;
import java.time.LocalDate;

import static tr.kopru.flexcity.FlexCityAnswer.day;
import static tr.kopru.flexcity.FlexCityAnswer.number;
import static tr.kopru.flexcity.FlexCityAnswer.text;

/** BgsTahsilSonucMakbuzDto: the receipt (makbuz) of a booked collection; its amount is the sum of its lines. */
public record FlexCityReceipt(long bgsTahsilGenelId, String islemNo, String vezneAdi, String seriNo, Long makbuzNo,
                              LocalDate tahsilTarihi, BigDecimal tutar) {

    static FlexCityReceipt from(JsonNode node) {
        BigDecimal total = FlexCityAnswer.list(node, "listBgsTahsilSonucMakbuzDetayDto").stream()
                .map(line -> FlexCityAnswer.amount(line, "tutar")).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FlexCityReceipt(number(node, "bgsTahsilGenelId"), text(node, "islemNo"), text(node, "vezneAdi"),
                text(node, "seriNo"), number(node, "makbuzNo"), day(node, "tahsilTarihi"), total);
    }
}

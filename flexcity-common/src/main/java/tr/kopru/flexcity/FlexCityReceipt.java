package tr.kopru.flexcity;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;

import java.util.List;

import static tr.kopru.flexcity.FlexCityAnswer.day;
import static tr.kopru.flexcity.FlexCityAnswer.number;
import static tr.kopru.flexcity.FlexCityAnswer.text;

/**
 * BgsTahsilSonucMakbuzDto: the receipt (makbuz) of a booked collection; its amount is the sum of its lines. What
 * collecting, TahsilSorgulaByIslemNo and TahsilIcmaliDetay all answer, inside a BgsTahsilSonucDto.
 */
public record FlexCityReceipt(long bgsTahsilGenelId, String islemNo, String vezneAdi, String seriNo, Long makbuzNo,
                              LocalDate tahsilTarihi, BigDecimal tutar) {

    /** The receipts of an answer's bgsTahsilSonucDto. */
    public static List<FlexCityReceipt> listFrom(FlexCityAnswer answer) {
        return FlexCityAnswer.list(answer.get("bgsTahsilSonucDto"), "listBgsTahsilSonucMakbuzDto").stream()
                .map(FlexCityReceipt::from).toList();
    }

    static FlexCityReceipt from(JsonNode node) {
        BigDecimal total = FlexCityAnswer.list(node, "listBgsTahsilSonucMakbuzDetayDto").stream()
                .map(line -> FlexCityAnswer.amount(line, "tutar")).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FlexCityReceipt(number(node, "bgsTahsilGenelId"), text(node, "islemNo"), text(node, "vezneAdi"),
                text(node, "seriNo"), number(node, "makbuzNo"), day(node, "tahsilTarihi"), total);
    }
}

package tr.kopru.collection.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

import static tr.kopru.flexcity.FlexCityAnswer.day;
import static tr.kopru.flexcity.FlexCityAnswer.number;
import static tr.kopru.flexcity.FlexCityAnswer.text;

/** SbsMuhatapGenelDto: a taxpayer (mükellef) as FlexCity holds it. */
public record FlexCityTaxpayer(long sbsMuhatapId, String isim, String tcKimlikNo, String vergiNo, String babaAdi,
                               String anneAdi, String dogumYeri, LocalDate dogumTarihi) {

    static FlexCityTaxpayer from(JsonNode node) {
        return new FlexCityTaxpayer(number(node, "sbsMuhatapId"), text(node, "isim"), text(node, "tcKimlikNo"),
                text(node, "vergiNo"), text(node, "babaAdi"), text(node, "anneAdi"), text(node, "dogumYeri"),
                day(node, "dogumTarihi"));
    }
}

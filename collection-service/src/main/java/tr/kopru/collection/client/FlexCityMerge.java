package tr.kopru.collection.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

import static tr.kopru.flexcity.FlexCityAnswer.day;
import static tr.kopru.flexcity.FlexCityAnswer.number;
import static tr.kopru.flexcity.FlexCityAnswer.text;

/** SisBirlesenMuhatapDto: taxpayer records merged (or split): the old id now lives on as the new one. */
public record FlexCityMerge(LocalDate islemTarihi, long eskiSbsMuhatapId, long yeniSbsMuhatapId, Long beyanId,
                            String durumu) {

    static FlexCityMerge from(JsonNode node) {
        return new FlexCityMerge(day(node, "islemTarihi"), number(node, "eskiSbsMuhatapId"),
                number(node, "yeniSbsMuhatapId"), number(node, "beyanId"), text(node, "durumu"));
    }
}

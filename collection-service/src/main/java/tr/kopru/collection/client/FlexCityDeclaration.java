package tr.kopru.collection.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

import static tr.kopru.flexcity.FlexCityAnswer.day;
import static tr.kopru.flexcity.FlexCityAnswer.number;
import static tr.kopru.flexcity.FlexCityAnswer.text;

/** BgsBeyanDto: a declaration (beyan), the thing a standing instruction and an invoice belong to. */
public record FlexCityDeclaration(long id, Long sbsMuhatapId, String sbsMuhatapIsim, LocalDate beyanTarihi,
                                  Long bgpServisId, Long beyanNo, String bgsBeyanAdres, String tesisatNo) {

    static FlexCityDeclaration from(JsonNode node) {
        // The document shows the taxpayer's name as sbsMuhatapSism (OCR of sbsMuhatapIsim).
        String name = text(node, "sbsMuhatapIsim") != null ? text(node, "sbsMuhatapIsim") : text(node, "sbsMuhatapSism");
        return new FlexCityDeclaration(number(node, "id"), number(node, "sbsMuhatapId"), name,
                day(node, "beyanTarihi"), number(node, "bgpServisId"), number(node, "beyanNo"),
                text(node, "bgsBeyanAdres"), text(node, "tesisatNo"));
    }
}

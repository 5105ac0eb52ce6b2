package tr.kopru.collection.client;

import com.fasterxml.jackson.databind.JsonNode;

import static tr.kopru.flexcity.FlexCityAnswer.text;

/** AysTesisatNoSicilDto: a water subscriber's registry (sicil = taxpayer id) and declaration (beyan) ids. */
public record FlexCitySubscriber(String sicil, String aboneNo, String beyanId) {

    static FlexCitySubscriber from(JsonNode node) {
        return new FlexCitySubscriber(text(node, "sicil"), text(node, "aboneNo"), text(node, "beyanId"));
    }
}

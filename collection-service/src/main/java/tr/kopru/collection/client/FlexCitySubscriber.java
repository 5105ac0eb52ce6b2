package tr.kopru.collection.client;

import com.fasterxml.jackson.databind.JsonNode;

import static tr.kopru.flexcity.FlexCityAnswer.text;

/** AysTesisatNoSicilDto: a water subscriber's registry (sicil = taxpayer id) and declaration (beyan) ids. */
public record FlexCitySubscriber(String sicil, String aboneNo, String beyanId) {

    /** The taxpayer id (sicil) as a number; null when FlexCity sent none or not a number. */
    public Long taxpayerId() {
        return number(sicil);
    }

    /** The declaration id (beyanId) as a number; null when FlexCity sent none or not a number. */
    public Long declarationId() {
        return number(beyanId);
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static FlexCitySubscriber from(JsonNode node) {
        return new FlexCitySubscriber(text(node, "sicil"), text(node, "aboneNo"), text(node, "beyanId"));
    }
}

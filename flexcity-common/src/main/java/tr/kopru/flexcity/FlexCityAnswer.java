package tr.kopru.flexcity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One FlexCity answer: {@code success} and {@code resultCode} say how it went; its fields are read tolerantly
 * (either spelling of an OCR-garbled name, amounts as numbers or strings, either date format).
 */
public record FlexCityAnswer(JsonNode body) {

    public FlexCityResultCode resultCode() {
        FlexCityResultCode code = FlexCityResultCode.of(body.path("resultCode").asText(null));
        // success:false with no code (or with 0000) is still a failure the document does not name.
        return code == FlexCityResultCode.SUCCESS && !successFlag() ? FlexCityResultCode.UNLISTED : code;
    }

    public boolean succeeded() {
        return resultCode() == FlexCityResultCode.SUCCESS;
    }

    public String message() {
        return body.path("resultMessage").asText(null);
    }

    /** This answer, or the typed rejection it carries. */
    public FlexCityAnswer orThrow() {
        if (!succeeded()) {
            throw new FlexCityRejectedException(resultCode(), message());
        }
        return this;
    }

    /** A top-level field by either spelling; a missing node when absent. */
    public JsonNode get(String name) {
        return field(body, name);
    }

    private boolean successFlag() {
        JsonNode success = body.get("success");
        return success == null || success.asBoolean(false) || "true".equalsIgnoreCase(success.asText());
    }

    // ---- tolerant readers of any node of an answer ----

    /** {@code name} or its OCR spellings (a capital I read as l, or lost); a missing node when absent. */
    public static JsonNode field(JsonNode node, String name) {
        for (String spelling : FlexCityNames.spellings(name)) {
            JsonNode value = node.get(spelling);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return MissingNode.getInstance();
    }

    public static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value.isMissingNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    public static Long number(JsonNode node, String name) {
        String text = text(node, name);
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new FlexCityProtocolException(name + " is not a whole number: '" + text + "'");
        }
    }

    /** An amount sent as a JSON number or a string ("176.5", "1.234,56"); exact. */
    public static BigDecimal amount(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value.isMissingNode()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = value.asText().trim().replace(" ", "");
        if (text.isEmpty()) {
            return null;
        }
        if (text.contains(",")) {
            text = text.replace(".", "").replace(',', '.');
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new FlexCityProtocolException(name + " is not an amount: '" + value.asText() + "'");
        }
    }

    public static LocalDate day(JsonNode node, String name) {
        return FlexCityDates.day(text(node, name));
    }

    /** The elements of an array field; empty when absent. */
    public static List<JsonNode> list(JsonNode node, String name) {
        JsonNode value = field(node, name);
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        }
        return items;
    }
}

package tr.kopru.installation.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** UTTS reports errors as a string, a list of strings, or an object of field to messages. */
final class UttsErrors {

    private UttsErrors() {
    }

    static String message(JsonNode errors) {
        if (errors == null || errors.isMissingNode() || errors.isNull()) {
            return "no reason given";
        }
        if (errors.isTextual()) {
            return errors.asText();
        }
        List<String> messages = new ArrayList<>();
        if (errors.isArray()) {
            errors.forEach(e -> messages.add(e.asText()));
        } else if (errors.isObject()) {
            errors.fields().forEachRemaining(field -> {
                List<String> fieldMessages = new ArrayList<>();
                if (field.getValue().isArray()) {
                    field.getValue().forEach(m -> fieldMessages.add(m.asText()));
                } else {
                    fieldMessages.add(field.getValue().asText());
                }
                messages.add(field.getKey() + ": " + String.join(", ", fieldMessages));
            });
        }
        return String.join("; ", messages);
    }
}

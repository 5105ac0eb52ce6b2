package tr.kopru.console.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a service answered: its status and body in the house envelope ({@code success}, {@code data},
 * {@code pagination}, or {@code message} and {@code errors}).
 */
public record ServiceAnswer(int status, JsonNode body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public JsonNode data() {
        return body.path("data");
    }

    /** The total a paged list reports. */
    public long total() {
        return body.path("pagination").path("total_count").asLong(data().size());
    }

    /** The service's message for a refusal, with each field's errors. */
    public String message() {
        StringBuilder text = new StringBuilder(body.path("message").asText("HTTP " + status));
        body.path("errors").fields().forEachRemaining(field -> field.getValue()
                .forEach(error -> text.append("; ").append(field.getKey()).append(": ").append(error.asText())));
        return text.toString();
    }
}

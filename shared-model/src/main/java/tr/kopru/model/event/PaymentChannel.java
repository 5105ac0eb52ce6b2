package tr.kopru.model.event;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a collection was started: by a caller of our API, or by a standing instruction. */
public enum PaymentChannel {
    API("api"),
    STANDING_INSTRUCTION("standing_instruction");

    private final String wireName;

    PaymentChannel(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}

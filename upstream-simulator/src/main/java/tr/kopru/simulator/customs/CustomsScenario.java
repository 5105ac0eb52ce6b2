package tr.kopru.simulator.customs;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Who may call the customs API and which declarations exist. */
public record CustomsScenario(
        @JsonProperty("token") String token,
        @JsonProperty("target_servers") List<String> targetServers,
        @JsonProperty("declarations") int declarations,
        @JsonProperty("answer_with_body") boolean answerWithBody) {
}

package tr.kopru.simulator.flexcity;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * How to seed one institution: its keys and desks and how many taxpayers it has (each with one or two
 * declarations carrying one or two open invoices).
 */
public record FlexCityScenario(
        @JsonProperty("code") String code,
        @JsonProperty("application_key") String applicationKey,
        @JsonProperty("security_code") String securityCode,
        @JsonProperty("desks") List<DeskSpec> desks,
        @JsonProperty("taxpayers") int taxpayers,
        @JsonProperty("seed") long seed) {

    public record DeskSpec(@JsonProperty("id") long id, @JsonProperty("name") String name,
                           @JsonProperty("password") String password, @JsonProperty("serial") String serial) {
    }
}

package tr.kopru.simulator.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import tr.kopru.simulator.customs.CustomsScenario;
import tr.kopru.simulator.flexcity.FlexCityScenario;

import java.util.List;

/** Everything the simulator holds, seeded from these counts and keys. Sample credentials are obviously fake. */
public record Scenario(
        @JsonProperty("utts_accounts") List<UttsAccountSpec> uttsAccounts,
        @JsonProperty("utts_token_lifetime_seconds") long uttsTokenLifetimeSeconds,
        @JsonProperty("utts_change_share") double uttsChangeShare,
        @JsonProperty("utts_new_per_generation") long uttsNewPerGeneration,
        @JsonProperty("institutions") List<FlexCityScenario> institutions,
        @JsonProperty("customs") CustomsScenario customs) {

    public record UttsAccountSpec(@JsonProperty("email") String email, @JsonProperty("password") String password,
                                  @JsonProperty("company_name") String companyName,
                                  @JsonProperty("installations") long installations) {
    }

    /** What the local run and most tests start with. */
    public static Scenario standard() {
        return new Scenario(
                List.of(new UttsAccountSpec("servis-a@example.com", "sim-password-a", "Örnek Servis A.Ş.", 500),
                        new UttsAccountSpec("servis-b@example.com", "sim-password-b", "Deneme Montaj Ltd.", 300)),
                3600, 0.05, 10,
                List.of(new FlexCityScenario("ornek-belediye", "sim-app-key-ornek", "sim-security-ornek",
                                List.of(new FlexCityScenario.DeskSpec(31, "KÖPRÜ - ONLINE", "sim-desk-31", "KP"),
                                        new FlexCityScenario.DeskSpec(32, "DİĞER BANKA - ONLINE", "sim-desk-32", "DB")),
                                40, 7),
                        new FlexCityScenario("deneme-su", "sim-app-key-deneme", "sim-security-deneme",
                                List.of(new FlexCityScenario.DeskSpec(41, "KÖPRÜ - ONLINE", "sim-desk-41", "KS")),
                                25, 11)),
                new CustomsScenario("sim-customs-token", List.of("TEST", "PROD"), 50, false));
    }
}

package tr.kopru.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tr.kopru.local.chaos.Anomaly;
import tr.kopru.local.chaos.FaultKind;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short fault campaign, as {@code ./kopru chaos} runs it: two instances of every service, a fixed seed and every
 * fault kind at least once in two minutes, then the checker. The campaign exits 0 only when no money was lost,
 * duplicated or wrongly settled, no event is missing and every ledger matches; its table must show every kind of
 * fault injected and real work done.
 */
class ChaosIT {

    @Test
    void aShortCampaignWithEveryFaultKindLosesNothing() throws Exception {
        KopruCommand.Result campaign = KopruCommand.run(Duration.ofMinutes(20), "chaos", "--minutes", "2", "--seed",
                "11", "--no-build");
        assertThat(campaign.exitCode()).as("the campaign's exit code").isZero();
        String table = campaign.output().substring(campaign.output().indexOf("FAULTS INJECTED"));
        for (FaultKind kind : FaultKind.values()) {
            assertThat(table).containsPattern("\\n  " + kind + " +[1-9]\\d*\\n");
        }
        assertThat(table).containsPattern("collect 201 COLLECTED +[1-9]\\d{2,}\\n")
                .containsPattern("cancel 200 CANCELLED +[1-9]")
                .containsPattern("declaration update 202 +[1-9]");
        for (Anomaly anomaly : Anomaly.values()) {
            if (anomaly.fatal()) {
                assertThat(table).containsPattern("\\* " + anomaly + " +0\\n");
            }
        }
        assertThat(campaign.output()).contains("reconciled ornek-belediye", "reconciled deneme-su",
                "No money lost, duplicated or wrongly settled; no event missing; every ledger matches.");
    }

    @AfterAll
    static void stopWhateverIsLeft() throws Exception {
        KopruCommand.run(Duration.ofMinutes(2), "down");
    }
}

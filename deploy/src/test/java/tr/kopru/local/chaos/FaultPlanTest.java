package tr.kopru.local.chaos;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultPlanTest {

    @Test
    void theSameSeedDrawsTheSameScheduleAndAnotherSeedAnother() {
        FaultPlan plan = FaultPlan.draw(42, Duration.ofMinutes(10), Set.of(), 8);
        assertThat(FaultPlan.draw(42, Duration.ofMinutes(10), Set.of(), 8).steps()).isEqualTo(plan.steps());
        assertThat(FaultPlan.draw(43, Duration.ofMinutes(10), Set.of(), 8).steps()).isNotEqualTo(plan.steps());
    }

    @Test
    void aShortCampaignHasEveryKindAtLeastOnceAndALongOneAtLeastSixtyFaults() {
        FaultPlan shortOne = FaultPlan.draw(7, Duration.ofMinutes(2), Set.of(), 8);
        assertThat(shortOne.steps().stream().map(FaultPlan.Step::kind).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(FaultKind.class));
        assertThat(shortOne.steps().get(shortOne.steps().size() - 1).at()).isLessThan(Duration.ofMinutes(2));
        assertThat(FaultPlan.draw(7, Duration.ofMinutes(10), Set.of(), 8).steps()).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void stepsAreInTimeOrderAimedAtRealInstancesAndHeldShorterThanTheGapToTheNext() {
        FaultPlan plan = FaultPlan.draw(3, Duration.ofMinutes(10), Set.of(), 8);
        for (int i = 0; i < plan.steps().size(); i++) {
            FaultPlan.Step step = plan.steps().get(i);
            assertThat(step.instance()).isBetween(step.kind().aimsAtInstance() ? 0 : -1,
                    step.kind().aimsAtInstance() ? 7 : -1);
            if (i > 0) {
                Duration gap = step.at().minus(plan.steps().get(i - 1).at());
                assertThat(plan.steps().get(i - 1).hold()).isLessThan(gap);
            }
        }
    }

    @Test
    void onlyTheKindsAskedForAreDrawnAndAnUnknownKindIsRefusedByName() {
        Set<FaultKind> kinds = FaultPlan.kinds("kill-service, CUT_DATABASE");
        assertThat(kinds).containsExactlyInAnyOrder(FaultKind.KILL_SERVICE, FaultKind.CUT_DATABASE);
        assertThat(FaultPlan.draw(1, Duration.ofMinutes(3), kinds, 8).steps())
                .allMatch(step -> kinds.contains(step.kind()));
        assertThatThrownBy(() -> FaultPlan.kinds("unplug")).hasMessageContaining("unknown fault kind 'unplug'");
    }
}

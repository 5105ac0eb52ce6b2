package tr.kopru.runtimeit;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;
import tr.kopru.runtime.upstream.UpstreamTargets;
import tr.kopru.runtime.upstream.UpstreamTargets.Call;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each target of an upstream, and each kind of call to it, has a breaker of its own. */
@QuarkusTest
class UpstreamTargetsIT {

    /** What counts against a target: no answer. */
    static final class NoAnswer extends RuntimeException {
        NoAnswer() {
            super("no answer");
        }
    }

    private final AtomicInteger sent = new AtomicInteger();
    private final UpstreamTargets<String> targets = new UpstreamTargets<>("fixture", target -> "client of " + target,
            NoAnswer.class, new UpstreamTargets.BreakerSettings(4, 1.0, Duration.ofMillis(300)));

    @Test
    void aFailingTargetOpensOnlyItsOwnBreakerForItsOwnKindOfCall() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> call("down", Call.WRITE, false)).isInstanceOf(NoAnswer.class);
        }
        int before = sent.get();

        assertThatThrownBy(() -> call("down", Call.WRITE, true)).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(sent.get()).as("nothing is sent while the breaker is open").isEqualTo(before);
        assertThat(call("up", Call.WRITE, true)).isEqualTo("answer of up");
        assertThat(call("down", Call.READ, true)).isEqualTo("answer of down");

        Thread.sleep(400);
        assertThat(call("down", Call.WRITE, true)).isEqualTo("answer of down");
    }

    @Test
    void anAnswerThatIsNotAFailureOfTheTargetNeverOpensIt() {
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> targets.guarded("refusing", Call.WRITE,
                    () -> Uni.createFrom().<String>failure(new IllegalArgumentException("refused")))
                    .await().atMost(Duration.ofSeconds(5))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(call("refusing", Call.WRITE, true)).isEqualTo("answer of refusing");
    }

    @Test
    void eachTargetsClientIsBuiltOnce() {
        assertThat(targets.client("a")).isEqualTo("client of a").isSameAs(targets.client("a"));
    }

    private String call(String target, Call kind, boolean answers) {
        return targets.guarded(target, kind, () -> Uni.createFrom().deferred(() -> {
            sent.incrementAndGet();
            return answers ? Uni.createFrom().item("answer of " + target) : Uni.createFrom().failure(new NoAnswer());
        })).await().atMost(Duration.ofSeconds(5));
    }
}

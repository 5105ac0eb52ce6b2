package tr.kopru.runtimeit;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tr.kopru.runtime.tracing.Tracing;
import tr.kopru.runtime.upstream.UpstreamTargets;
import tr.kopru.runtime.upstream.UpstreamTargets.Call;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Each target of an upstream, and each kind of call to it, has a breaker of its own; each call a span. */
@QuarkusTest
class UpstreamTargetsIT {

    /** What counts against a target: no answer. */
    static final class NoAnswer extends RuntimeException {
        NoAnswer() {
            super("no answer");
        }
    }

    private final AtomicInteger sent = new AtomicInteger();
    @Inject
    Tracing tracing;
    @Inject
    InMemorySpanExporter spans;
    private UpstreamTargets<String> targets;

    @BeforeEach
    void newTargets() {
        targets = new UpstreamTargets<>("fixture", target -> "client of " + target, NoAnswer.class,
                new UpstreamTargets.BreakerSettings(4, 1.0, Duration.ofMillis(300)), tracing);
    }

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
            assertThatThrownBy(() -> targets.guarded("refusing", Call.WRITE, "Refuse",
                    () -> Uni.createFrom().<String>failure(new IllegalArgumentException("refused")))
                    .await().atMost(Duration.ofSeconds(5))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(call("refusing", Call.WRITE, true)).isEqualTo("answer of refusing");
    }

    @Test
    void eachCallIsASpanNamedAfterTheUpstreamsMethodMarkedWhenItFails() {
        spans.reset();
        call("traced", Call.READ, true);
        assertThatThrownBy(() -> call("traced", Call.WRITE, false)).isInstanceOf(NoAnswer.class);

        List<SpanData> calls = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> "traced".equals(span.getAttributes().get(Tracing.UPSTREAM_TARGET))).toList(),
                found -> found.size() == 2);
        assertThat(calls).allSatisfy(span -> {
            assertThat(span.getName()).isEqualTo("fixture Answer");
            assertThat(span.getAttributes().get(Tracing.UPSTREAM)).isEqualTo("fixture");
            assertThat(span.getAttributes().get(Tracing.UPSTREAM_METHOD)).isEqualTo("Answer");
        });
        assertThat(calls).extracting(span -> span.getStatus().getStatusCode())
                .containsExactlyInAnyOrder(StatusCode.UNSET, StatusCode.ERROR);
    }

    @Test
    void eachTargetsClientIsBuiltOnce() {
        assertThat(targets.client("a")).isEqualTo("client of a").isSameAs(targets.client("a"));
    }

    private String call(String target, Call kind, boolean answers) {
        return targets.guarded(target, kind, "Answer", () -> Uni.createFrom().deferred(() -> {
            sent.incrementAndGet();
            return answers ? Uni.createFrom().item("answer of " + target) : Uni.createFrom().failure(new NoAnswer());
        })).await().atMost(Duration.ofSeconds(5));
    }
}

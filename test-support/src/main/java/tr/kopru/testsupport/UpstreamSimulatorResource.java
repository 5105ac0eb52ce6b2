package tr.kopru.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import tr.kopru.simulator.UpstreamSimulator;

import java.util.Map;

/**
 * Runs the upstream simulator (UTTS, FlexCity, customs) inside the test JVM on a free port and hands its base URL
 * to the service as {@code kopru.simulator.url}. Tests drive it through its admin API or {@link #simulator()}.
 */
public class UpstreamSimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static volatile UpstreamSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = UpstreamSimulator.start(0);
        return Map.of("kopru.simulator.url", simulator.baseUrl());
    }

    public static UpstreamSimulator simulator() {
        return simulator;
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}

package tr.kopru.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

/** One simulator per test class on a free port, reset to the standard scenario before each test. */
abstract class SimulatorTestBase {

    static UpstreamSimulator simulator;
    static SimulatorClient client;

    @BeforeAll
    static void start() {
        simulator = UpstreamSimulator.start(0);
        client = new SimulatorClient(simulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        client.post("/admin/reset", "{}", Map.of());
    }
}

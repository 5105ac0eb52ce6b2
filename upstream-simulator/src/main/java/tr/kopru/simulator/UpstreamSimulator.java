package tr.kopru.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import tr.kopru.simulator.admin.AdminApi;
import tr.kopru.simulator.admin.Scenario;
import tr.kopru.simulator.admin.SimulatorState;
import tr.kopru.simulator.customs.CustomsApi;
import tr.kopru.simulator.fault.FaultInjector;
import tr.kopru.simulator.fault.FaultRegistry;
import tr.kopru.simulator.flexcity.FlexCityApi;
import tr.kopru.simulator.utts.InstallationGenerator;
import tr.kopru.simulator.utts.UttsApi;
import tr.kopru.simulator.utts.UttsTokens;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The upstream simulator: UTTS, FlexCity and the customs API on one port, controlled under {@code /admin}. Runs as
 * its own process ({@code main}: port from the first argument or {@code SIMULATOR_PORT}, default 8090) or inside
 * a test ({@link #start(int)}, port 0 for any).
 */
public final class UpstreamSimulator implements AutoCloseable {

    public static final int DEFAULT_PORT = 8090;

    private final Vertx vertx;
    private final HttpServer server;
    private final SimulatorState state;
    private final SimulatorClock clock;

    private UpstreamSimulator(Vertx vertx, HttpServer server, SimulatorState state, SimulatorClock clock) {
        this.vertx = vertx;
        this.server = server;
        this.state = state;
        this.clock = clock;
    }

    public static UpstreamSimulator start(int port) {
        Vertx vertx = Vertx.vertx();
        SimulatorClock clock = new SimulatorClock(Clock.systemUTC());
        FaultRegistry faultRegistry = new FaultRegistry();
        FaultInjector faults = new FaultInjector(vertx, faultRegistry);
        InstallationGenerator installations = new InstallationGenerator(clock, 0.05, 10);
        UttsApi utts = new UttsApi(new UttsTokens(clock), installations, faults, 3600);
        FlexCityApi flexCity = new FlexCityApi(clock, faults);
        CustomsApi customs = new CustomsApi(clock, faults);
        SimulatorState state = new SimulatorState(utts, installations, flexCity, customs);
        state.apply(Scenario.standard());

        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(10 * 1024 * 1024));
        utts.mount(router);
        flexCity.mount(router);
        customs.mount(router);
        new AdminApi(state, faultRegistry, clock, flexCity, faults).mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router)
                .listen(port).toCompletionStage().toCompletableFuture().join();
        return new UpstreamSimulator(vertx, server, state, clock);
    }

    public int port() {
        return server.actualPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public SimulatorState state() {
        return state;
    }

    public SimulatorClock clock() {
        return clock;
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    public static void main(String[] args) throws InterruptedException {
        String configured = args.length > 0 ? args[0] : System.getenv("SIMULATOR_PORT");
        long started = System.nanoTime();
        UpstreamSimulator simulator = start(configured == null ? DEFAULT_PORT : Integer.parseInt(configured));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.printf("READY upstream-simulator %s (started in %d ms)%n", simulator.baseUrl(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        stopped.await();
    }
}

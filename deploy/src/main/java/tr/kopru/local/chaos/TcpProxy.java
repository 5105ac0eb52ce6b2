package tr.kopru.local.chaos;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy in front of one server for one service instance, so the campaign can fault the network between the
 * two: {@link #cut()} resets every open connection and refuses new ones, {@link #stall()} keeps connections open
 * but passes no byte either way (as a black-holed route does), {@link #heal()} lets traffic flow again.
 */
public final class TcpProxy implements AutoCloseable {

    /** What the proxy does with traffic. */
    public enum Mode { PASS, CUT, STALL }

    private final Vertx vertx;
    private final NetServer server;
    private final NetClient client;
    private final String name;
    private final int targetPort;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;

    private TcpProxy(Vertx vertx, String name, int listenPort, int targetPort) {
        this.vertx = vertx;
        this.name = name;
        this.targetPort = targetPort;
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(5_000));
        this.server = vertx.createNetServer().connectHandler(this::accept);
        try {
            server.listen(listenPort, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("proxy " + name + " cannot listen on port " + listenPort + ": "
                    + e.getMessage(), e);
        }
    }

    /** Starts a proxy that listens on 127.0.0.1:{@code listenPort} and forwards to 127.0.0.1:{@code targetPort}. */
    public static TcpProxy start(Vertx vertx, String name, int listenPort, int targetPort) {
        return new TcpProxy(vertx, name, listenPort, targetPort);
    }

    public String name() {
        return name;
    }

    public Mode mode() {
        return mode;
    }

    /** Resets every open connection and refuses new ones until {@link #heal()}. */
    public void cut() {
        mode = Mode.CUT;
        new ArrayList<>(links).forEach(Link::close);
    }

    /** Holds every byte in both directions, of open and new connections, until {@link #heal()}. */
    public void stall() {
        mode = Mode.STALL;
        links.forEach(Link::pause);
    }

    /** Lets traffic through again. */
    public void heal() {
        mode = Mode.PASS;
        links.forEach(Link::resume);
    }

    /** How many client connections are open through the proxy. */
    public int openConnections() {
        return links.size();
    }

    private void accept(NetSocket inbound) {
        if (mode == Mode.CUT) {
            inbound.close();
            return;
        }
        inbound.pause();
        client.connect(targetPort, "127.0.0.1").onComplete(connected -> {
            if (connected.failed()) {
                inbound.close();
                return;
            }
            Link link = new Link(inbound, connected.result());
            links.add(link);
            if (mode == Mode.CUT) {
                link.close();
            } else if (mode == Mode.PASS) {
                link.resume();
            }
        });
    }

    @Override
    public void close() {
        new ArrayList<>(links).forEach(Link::close);
        server.close();
        client.close();
    }

    /** One client connection and the proxy's connection to the server for it. */
    private final class Link {
        private final NetSocket inbound;
        private final NetSocket outbound;
        private final List<NetSocket> both;

        Link(NetSocket inbound, NetSocket outbound) {
            this.inbound = inbound;
            this.outbound = outbound;
            this.both = List.of(inbound, outbound);
            forward(inbound, outbound);
            forward(outbound, inbound);
            outbound.pause();
        }

        private void forward(NetSocket from, NetSocket to) {
            from.handler((Buffer data) -> {
                to.write(data);
                if (to.writeQueueFull()) {
                    from.pause();
                    to.drainHandler(ignored -> {
                        if (mode == Mode.PASS) {
                            from.resume();
                        }
                    });
                }
            });
            from.closeHandler(ignored -> close());
            from.exceptionHandler(ignored -> close());
        }

        void pause() {
            both.forEach(NetSocket::pause);
        }

        void resume() {
            both.forEach(NetSocket::resume);
        }

        void close() {
            if (links.remove(this)) {
                both.forEach(socket -> socket.close());
            }
        }
    }
}

package tr.kopru.local.chaos;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The proxy passes bytes both ways, and its cut and stall do to a connection what a broken network does. */
class TcpProxyTest {

    private final Vertx vertx = Vertx.vertx();
    private ServerSocket echo;
    private TcpProxy proxy;

    @AfterEach
    void close() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        if (echo != null) {
            echo.close();
        }
        vertx.close();
    }

    private int proxyPort;

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", proxyPort);
        socket.setSoTimeout(1_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] answer = in.readNBytes(text.length());
        return new String(answer, StandardCharsets.UTF_8);
    }

    @Test
    void passesCutsAndStalls() throws Exception {
        echo = new ServerSocket(0);
        startEcho();
        try (ServerSocket free = new ServerSocket(0)) {
            proxyPort = free.getLocalPort();
        }
        proxy = TcpProxy.start(vertx, "test", proxyPort, echo.getLocalPort());

        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
            proxy.stall();
            socket.getOutputStream().write("held".getBytes(StandardCharsets.UTF_8));
            boolean timedOut = false;
            try {
                socket.getInputStream().read();
            } catch (SocketTimeoutException e) {
                timedOut = true;
            }
            assertThat(timedOut).as("no byte passes while stalled").isTrue();
            proxy.heal();
            assertThat(new String(socket.getInputStream().readNBytes(4), StandardCharsets.UTF_8)).isEqualTo("held");
            proxy.cut();
            assertThat(socket.getInputStream().read()).as("a cut connection is closed").isEqualTo(-1);
        }
        try (Socket refused = connect()) {
            assertThat(refused.getInputStream().read()).as("a new connection during a cut is closed").isEqualTo(-1);
        }
        proxy.heal();
        try (Socket again = connect()) {
            assertThat(roundTrip(again, "back")).isEqualTo("back");
        }
    }

    private void startEcho() {
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket client = echo.accept();
                    Thread pipe = new Thread(() -> {
                        try (client) {
                            client.getInputStream().transferTo(client.getOutputStream());
                        } catch (IOException ignored) {
                            // the client went away
                        }
                    });
                    pipe.setDaemon(true);
                    pipe.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
    }
}

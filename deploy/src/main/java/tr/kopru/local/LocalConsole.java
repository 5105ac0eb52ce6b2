package tr.kopru.local;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The operator console as the local run starts it: its port, its demo operators (their hashes in
 * {@code deploy/local/operators.json}; the passwords below are the local run's and nothing else's), its own API key
 * (in {@code deploy/local/api-keys.json}) and a session key made afresh at each start.
 */
public final class LocalConsole {

    public static final int PORT = 8085;
    public static final String MODULE = "operator-console";
    public static final String DEMO_OPERATOR = "operator";
    public static final String DEMO_OPERATOR_PASSWORD = "kopru-demo-operator";
    public static final String DEMO_VIEWER = "viewer";
    public static final String DEMO_VIEWER_PASSWORD = "kopru-demo-viewer";
    /** The console's local API key; its SHA-256 is in deploy/local/api-keys.json. */
    static final String API_KEY = "kopru-console-local-key-not-secret";

    private LocalConsole() {
    }

    public static String baseUrl() {
        return "http://localhost:" + PORT;
    }

    static Path runnableJar() {
        return Path.of(MODULE, "target", "quarkus-app", "quarkus-run.jar");
    }

    /** The console's environment in the local run. */
    static Map<String, String> environment() {
        byte[] sessionKey = new byte[32];
        new SecureRandom().nextBytes(sessionKey);
        return Map.of("QUARKUS_HTTP_PORT", Integer.toString(PORT),
                "KOPRU_CONSOLE_API_KEY", API_KEY,
                "KOPRU_CONSOLE_OPERATORS_FILE",
                Path.of("deploy", "local", "operators.json").toAbsolutePath().toString(),
                "KOPRU_CONSOLE_SESSION_KEY", HexFormat.of().formatHex(sessionKey));
    }
}

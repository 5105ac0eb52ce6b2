package tr.kopru.console;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The console's settings: where the services are, its API key, its operators and its session cookie. */
@ConfigMapping(prefix = "kopru.console")
public interface ConsoleConfig {

    /** Each service's base URL, by {@link tr.kopru.console.api.Service} name. */
    Map<String, String> services();

    Duration callTimeout();

    String apiKey();

    Path operatorsFile();

    /** The key that signs session cookies (at least 32 characters). */
    String sessionKey();

    Duration sessionLength();

    boolean secureCookie();
}

package tr.kopru.declaration.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** The customs API environments this deployment sends declaration updates to, and how it calls them. */
@ConfigMapping(prefix = "kopru.customs")
public interface CustomsConfig {

    /** The environments by our name for them (for example {@code test}, {@code prod}). */
    Map<String, Target> targets();

    /** The environment an update goes to when the caller does not name one. */
    String defaultTarget();

    /** Time allowed to open a connection. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Time allowed for an answer; without one the update is sent again later (a PUT of the same body is idempotent). */
    @WithDefault("10s")
    Duration readTimeout();

    /** One customs API environment. */
    interface Target {

        /** Base URL in front of {@code /api/v1/declarations}. */
        String baseUrl();

        /** The bearer token; a secret. */
        String token();

        /** The {@code X-Target-Server} sent when the caller does not give one. */
        String targetServer();
    }
}

package tr.kopru.flexcity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The FlexCity instances (one per municipality) this deployment works with, and how it calls them. */
@ConfigMapping(prefix = "kopru.flexcity")
public interface FlexCityConfig {

    /** The institutions by our code for them (used in our API paths and events), e.g. {@code ornek-belediye}. */
    Map<String, Institution> institutions();

    /** Time allowed to open a connection to an institution. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Time allowed for an answer; after it a write's outcome is unknown and is resolved by asking. */
    @WithDefault("10s")
    Duration readTimeout();

    /** How many times a read (never a write) is tried when the upstream does not answer. */
    @WithDefault("3")
    int readAttempts();

    /** The first pause between tries of a read; it doubles each time. */
    @WithDefault("200ms")
    Duration readBackoff();

    /** When an institution's breaker opens; each institution has one for reads and one for writes. */
    Breaker breaker();

    interface Breaker {

        /** Calls looked at before the breaker may open. */
        @WithDefault("10")
        int requestVolume();

        /** Share of those calls without an answer that opens it. */
        @WithDefault("0.8")
        double failureRatio();

        /** How long it stays open before it lets a call through again. */
        @WithDefault("15s")
        Duration delay();
    }

    /** One municipality's FlexCity instance and our cashier desk on it. */
    interface Institution {

        /** Base URL up to and including {@code /FlexCityUi/rest/json}. */
        String baseUrl();

        /** The application key FlexCity issued to us (sent in the clear in the header). */
        String applicationKey();

        /** The security code FlexCity issued to us (only its md5 with the request date is sent); a secret. */
        String securityCode();

        /** Our cashier desk (btsVezneId) on this institution. */
        long deskId();

        /** The desk's password (btsVezneSifre); a secret. */
        String deskPassword();

        /** The proxy chain to announce in xFowardedFor, when the institution asks for it. */
        Optional<String> forwardedFor();
    }
}

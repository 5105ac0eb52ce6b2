package tr.kopru.local.chaos;

import tr.kopru.local.LocalService;

/**
 * One of the two replicas of a service in the campaign, with the ports of its own proxies to PostgreSQL, Kafka and
 * the upstream simulator. Replica 0 serves on the service's usual port, replica 1 on that port plus 100.
 *
 * @param index 0..7, the instance's place among all instances; it numbers the ports of its proxies
 */
public record ServiceInstance(LocalService service, int replica, int index) {

    /** Ports of the Kafka listeners the proxies forward to: one per instance, from here on. */
    static final int KAFKA_LISTENER_BASE = 19200;
    static final int KAFKA_PROXY_BASE = 19300;
    static final int DATABASE_PROXY_BASE = 15500;
    static final int UPSTREAM_PROXY_BASE = 18100;

    public String name() {
        return service.module() + "-" + replica;
    }

    public int httpPort() {
        return service.port() + 100 * replica;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort();
    }

    int kafkaListenerPort() {
        return KAFKA_LISTENER_BASE + index;
    }

    int kafkaProxyPort() {
        return KAFKA_PROXY_BASE + index;
    }

    int databaseProxyPort() {
        return DATABASE_PROXY_BASE + index;
    }

    int upstreamProxyPort() {
        return UPSTREAM_PROXY_BASE + index;
    }
}

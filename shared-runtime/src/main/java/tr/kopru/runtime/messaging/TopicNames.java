package tr.kopru.runtime.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps the contract's topic names to this deployment's: {@code kopru.topics."payment-made"=acme.payment-made}.
 * Unmapped topics keep their contract name. Configuration is read once per topic, not once per event.
 */
@ApplicationScoped
public class TopicNames {

    private final Config config;
    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    public TopicNames(Config config) {
        this.config = config;
    }

    public String resolve(String contractTopic) {
        return resolved.computeIfAbsent(contractTopic, topic ->
                config.getOptionalValue("kopru.topics.\"" + topic + "\"", String.class).orElse(topic));
    }
}

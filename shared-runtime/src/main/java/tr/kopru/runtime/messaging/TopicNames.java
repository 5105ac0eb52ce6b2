package tr.kopru.runtime.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

/**
 * Maps the contract's topic names to this deployment's: {@code kopru.topics."payment-made"=acme.payment-made}.
 * Unmapped topics keep their contract name.
 */
@ApplicationScoped
public class TopicNames {

    private final Config config;

    public TopicNames(Config config) {
        this.config = config;
    }

    public String resolve(String contractTopic) {
        return config.getOptionalValue("kopru.topics.\"" + contractTopic + "\"", String.class).orElse(contractTopic);
    }
}

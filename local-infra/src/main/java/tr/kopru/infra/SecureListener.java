package tr.kopru.infra;

import java.nio.file.Path;
import java.util.Properties;

/**
 * A broker listener as production has it: TLS (the broker's key and certificate in a PKCS12 keystore) with
 * SCRAM-SHA-512 authentication, under the standard authorizer; the broker's own plain listener is its super user.
 *
 * @param keystore a PKCS12 keystore holding the broker's key and certificate, for the name {@code localhost}
 * @param password the keystore's password (and its key's)
 */
public record SecureListener(Path keystore, String password) {

    static final String NAME = "SECURE";
    private static final String PREFIX = "listener.name.secure.";

    void addTo(Properties properties) {
        String address = "localhost:" + KafkaBroker.freePort();
        KafkaBroker.addListener(properties, NAME, address, address, "SASL_SSL");
        properties.put(PREFIX + "sasl.enabled.mechanisms", "SCRAM-SHA-512");
        properties.put(PREFIX + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        properties.put(PREFIX + "ssl.keystore.location", keystore.toAbsolutePath().toString());
        properties.put(PREFIX + "ssl.keystore.type", "PKCS12");
        properties.put(PREFIX + "ssl.keystore.password", password);
        properties.put(PREFIX + "ssl.key.password", password);
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The plain and controller listeners authenticate nobody: their principal is ANONYMOUS, the broker itself.
        properties.put("super.users", "User:ANONYMOUS");
        properties.put("allow.everyone.if.no.acl.found", "false");
    }
}

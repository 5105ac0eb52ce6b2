package tr.kopru.runtime.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.jpountz.lz4.LZ4Factory;
import org.jboss.logging.Logger;

/**
 * Lets the Kafka clients compress and decompress with the native LZ4 library. lz4-java picks its native code by
 * itself only when the JVM's system class loader loaded it, which a Quarkus application's jars are not, and every
 * batch would be compressed in pure Java. Once the native library is loaded, lz4-java picks it for every stream
 * opened afterwards. Where it cannot load (an unsupported platform, or a second class loader of a dev-mode restart),
 * the codec stays in Java and works the same, only slower.
 */
@ApplicationScoped
public class NativeCompression {

    private static final Logger LOG = Logger.getLogger(NativeCompression.class);

    void load(@Observes StartupEvent started) {
        try {
            LZ4Factory.nativeInstance();
            LOG.debug("Kafka's LZ4 codec runs native");
        } catch (LinkageError | RuntimeException e) {
            LOG.infof("Kafka's LZ4 codec runs in Java: the native library did not load (%s)", e.getMessage());
        }
    }
}

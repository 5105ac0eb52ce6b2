package tr.kopru.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away key and self-signed certificate for a test broker named {@code localhost}, made by the JDK's own
 * keytool, so that a TLS test needs nothing but the JDK.
 */
final class TestCertificates {

    private static final String ALIAS = "broker";
    private static final String CERTIFICATE = "broker.pem";

    private TestCertificates() {
    }

    /** Makes {@code broker.p12} (key and certificate) and {@code broker.pem} (the certificate) in {@code dir}. */
    static Path brokerKeystore(Path dir, String password) throws IOException, InterruptedException {
        Path keystore = dir.resolve("broker.p12");
        keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keystore.toString(), "-storepass", password,
                "-file", dir.resolve(CERTIFICATE).toString());
        return keystore;
    }

    /** The certificate clients trust, as PEM text. */
    static String brokerCertificate(Path dir) {
        try {
            return Files.readString(dir.resolve(CERTIFICATE), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}

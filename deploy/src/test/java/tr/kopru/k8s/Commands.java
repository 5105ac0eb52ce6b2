package tr.kopru.k8s;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Tools a check runs that may be missing on a machine (kubectl, promtool): the check then says so and skips. */
final class Commands {

    private Commands() {
    }

    /** Whether {@code command} (with a harmless argument such as {@code --version}) runs and succeeds. */
    static boolean available(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

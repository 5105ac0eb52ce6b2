package tr.kopru.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One process of the local run, with its output going to a log file of its own. */
final class ManagedProcess {

    private final String name;
    private final ProcessHandle handle;
    private final Path log;

    ManagedProcess(String name, ProcessHandle handle, Path log) {
        this.name = name;
        this.handle = handle;
        this.log = log;
    }

    /** Starts {@code command} with extra environment {@code env}, writing its output to {@code log}. */
    static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        try {
            return new ManagedProcess(name, builder.start().toHandle(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return handle.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return handle.isAlive();
    }

    /** Asks the process to stop (SIGTERM), and kills it if it has not stopped within {@code grace}. */
    void stop(Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    /** Whether the log holds a line that starts with {@code prefix}. */
    boolean logHasLineStartingWith(String prefix) {
        return logLines().stream().anyMatch(line -> line.startsWith(prefix));
    }

    /** The last {@code count} lines of the log, for telling the user why something failed. */
    String logTail(int count) {
        List<String> lines = logLines();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private List<String> logLines() {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}

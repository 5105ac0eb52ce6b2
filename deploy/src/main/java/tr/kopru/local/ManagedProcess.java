package tr.kopru.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One process of the local run, with its output going to a log file of its own. */
public final class ManagedProcess {

    private final String name;
    private final ProcessHandle handle;
    private final Path log;

    ManagedProcess(String name, ProcessHandle handle, Path log) {
        this.name = name;
        this.handle = handle;
        this.log = log;
    }

    /** Starts {@code command} with extra environment {@code env}, writing its output to {@code log}. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path log) {
        return start(name, command, env, log, ProcessBuilder.Redirect.to(log.toFile()));
    }

    /** Starts {@code command} again after it died, adding its output to the end of {@code log}. */
    public static ManagedProcess restart(String name, List<String> command, Map<String, String> env, Path log) {
        return start(name, command, env, log, ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path log,
                                        ProcessBuilder.Redirect output) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output);
        builder.environment().putAll(env);
        try {
            return new ManagedProcess(name, builder.start().toHandle(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /** Asks the process to stop (SIGTERM), and kills it if it has not stopped within {@code grace}. */
    public void stop(Duration grace) {
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

    /** Kills the process at once (SIGKILL, as {@code kill -9}), and waits until it is gone. */
    public void kill() {
        handle.destroyForcibly();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " (pid " + pid() + ") did not die on SIGKILL", e);
        }
    }

    /** Sends {@code signal} ({@code STOP}, {@code CONT}, {@code KILL}) to the process and all its descendants. */
    public void signalTree(String signal) {
        signal(handle, signal);
    }

    /** Sends {@code signal} to the process {@code pid} and all its descendants, the process first. */
    public static void signal(ProcessHandle process, String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(process.pid())));
        process.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the log holds a line that starts with {@code prefix}. */
    public boolean logHasLineStartingWith(String prefix) {
        return logLines().stream().anyMatch(line -> line.startsWith(prefix));
    }

    /** The last {@code count} lines of the log, for telling the user why something failed. */
    public String logTail(int count) {
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

package tr.kopru.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local run's working directory ({@code .kopru/}): log files, and one pid file per running process so that a
 * second command can find and stop what the first one started.
 */
public final class RunDirectory {

    private final Path logs;
    private final Path pids;

    public RunDirectory(Path root) {
        this.logs = root.resolve("logs");
        this.pids = root.resolve("run");
        try {
            Files.createDirectories(logs);
            Files.createDirectories(pids);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + root, e);
        }
    }

    public Path logFile(String name) {
        return logs.resolve(name + ".log");
    }

    /** Records a started process; the order of recording is the order of starting. */
    public void record(ManagedProcess process) {
        try {
            String position = String.format("%02d", list().size());
            Files.writeString(pids.resolve(position + "-" + process.name() + ".pid"), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record pid of " + process.name(), e);
        }
    }

    /** The recorded processes that are still alive, in the order they were started. */
    public List<ManagedProcess> running() {
        List<ManagedProcess> alive = new ArrayList<>();
        for (Path pidFile : list()) {
            String name = pidFile.getFileName().toString().replaceFirst("^\\d+-", "").replace(".pid", "");
            readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                    .ifPresent(handle -> alive.add(new ManagedProcess(name, handle, logFile(name))));
        }
        return alive;
    }

    /** Forgets every recorded process. */
    public void clear() {
        list().forEach(file -> file.toFile().delete());
    }

    private List<Path> list() {
        try (Stream<Path> files = Files.list(pids)) {
            return files.filter(f -> f.toString().endsWith(".pid")).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pids, e);
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}

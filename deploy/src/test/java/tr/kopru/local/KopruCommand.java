package tr.kopru.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the README's {@code ./kopru} command from the repository root, as a user does, and keeps what it printed. */
final class KopruCommand {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    /** What a run printed, and how it exited. */
    record Result(int exitCode, String output) {
    }

    private KopruCommand() {
    }

    static Result run(Duration limit, String... args) throws IOException, InterruptedException {
        return run(limit, Map.of(), args);
    }

    /** Runs with {@code env} added to the environment, which the services it starts inherit. */
    static Result run(Duration limit, Map<String, String> env, String... args) throws IOException,
            InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = REPO.resolve("kopru").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Path output = Files.createTempFile("kopru", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("$ ./kopru " + String.join(" ", args) + "\n" + text);
        return new Result(process.exitValue(), text);
    }
}

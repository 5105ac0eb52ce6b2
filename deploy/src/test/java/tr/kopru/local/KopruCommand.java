package tr.kopru.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        String[] command = new String[args.length + 1];
        command[0] = REPO.resolve("kopru").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Path output = Files.createTempFile("kopru", ".out");
        Process process = new ProcessBuilder(command).directory(REPO.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
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

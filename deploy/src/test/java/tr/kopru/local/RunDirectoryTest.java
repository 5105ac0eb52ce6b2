package tr.kopru.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunDirectoryTest {

    @TempDir
    Path root;

    @Test
    void findsRecordedProcessesThatAreAliveInStartOrder() {
        RunDirectory directory = new RunDirectory(root);
        ProcessHandle self = ProcessHandle.current();
        directory.record(new ManagedProcess("kafka", self, directory.logFile("kafka")));
        directory.record(new ManagedProcess("postgres", self, directory.logFile("postgres")));

        assertThat(directory.running()).extracting(ManagedProcess::name).containsExactly("kafka", "postgres");
        assertThat(directory.running()).extracting(ManagedProcess::pid).containsOnly(self.pid());
    }

    @Test
    void ignoresProcessesThatHaveExitedAndForgetsAllOnClear() throws Exception {
        RunDirectory directory = new RunDirectory(root);
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        directory.record(new ManagedProcess("gone", exited.toHandle(), directory.logFile("gone")));
        directory.record(new ManagedProcess("here", ProcessHandle.current(), directory.logFile("here")));

        assertThat(directory.running()).extracting(ManagedProcess::name).containsExactly("here");

        directory.clear();
        assertThat(directory.running()).isEmpty();
        try (var files = Files.list(root.resolve("run"))) {
            assertThat(files).isEmpty();
        }
    }
}

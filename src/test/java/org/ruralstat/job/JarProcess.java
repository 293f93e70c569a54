package org.ruralstat.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The built {@code target/ruralstat.jar} run as a child process, as an operator's scheduler runs it. */
final class JarProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "ruralstat.jar").toAbsolutePath();

    private final Process process;
    private final Path output;

    private JarProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code java -jar target/ruralstat.jar args…} with extra environment variables; output goes to a file. */
    static JarProcess start(Path output, Map<String, String> environment, String... args) throws IOException {
        assertThat(JAR).as("the jar is built by `package` before the functional tests").exists();
        // the client compiler only: these processes run small drops for seconds, and start faster (docs/decisions.md)
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return new JarProcess(builder.start(), output);
    }

    /** Runs to the end and returns the exit code. */
    static int run(Path output, Map<String, String> environment, String... args) throws Exception {
        try (JarProcess process = start(output, environment, args)) {
            return process.awaitExit(Duration.ofMinutes(3));
        }
    }

    /** Waits until the output contains the text; fails the test if the process ends or the time runs out first. */
    void awaitOutput(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the process ended (exit " + process.exitValue() + ") before printing '" + text
                        + "':\n" + output());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + output());
    }

    int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as a service manager stops a process. */
    void terminate() {
        process.destroy();
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}

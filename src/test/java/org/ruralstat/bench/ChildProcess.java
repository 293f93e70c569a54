package org.ruralstat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command as a child process with its output in log files, and measures its wall time and peak
 * resident set size: the kernel's high-water mark {@code VmHWM} from {@code /proc/<pid>/status}, polled
 * every 20 ms until the process exits (the mark only grows, so the last reading is the peak up to at
 * most 20 ms before exit).
 */
final class ChildProcess {

    private static final Pattern HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");
    private static final long POLL_MILLIS = 20;

    /** How a child process ended. {@code peakRssKb} is -1 where /proc is not available. */
    record Outcome(int exitCode, double wallSeconds, long peakRssKb, Path stdout, Path stderr, boolean timedOut) {

        boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }
    }

    private ChildProcess() {
    }

    static Outcome run(List<String> command, Path logDir, String name, long timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path stdout = logDir.resolve(name + ".out.log");
        Path stderr = logDir.resolve(name + ".err.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = -1;
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean timedOut = false;
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterMark(status));
            if (System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                timedOut = true;
                break;
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new Outcome(process.exitValue(), wall, peak, stdout, stderr, timedOut);
    }

    private static long highWaterMark(Path status) {
        try {
            Matcher m = HWM.matcher(Files.readString(status));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1; // the process is exiting
        }
    }
}

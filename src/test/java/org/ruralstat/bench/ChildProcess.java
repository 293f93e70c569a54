package org.ruralstat.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command as a child process with its output in log files, and measures its wall time, peak
 * resident set size and CPU time: the kernel's high-water mark {@code VmHWM} from {@code /proc/<pid>/status}
 * and the user and system time of {@code /proc/<pid>/stat}, polled every 20 ms until the process exits (both
 * only grow, so the last readings are those of at most 20 ms before exit); and, every 250 ms, the CPU time of
 * HotSpot's compiler threads ({@code C1 CompilerThread…}, {@code C2 CompilerThread…} in {@code /proc/<pid>/task}).
 */
final class ChildProcess {

    private static final Pattern HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");
    private static final long POLL_MILLIS = 20;
    /** Clock ticks per second of /proc/<pid>/stat: USER_HZ, 100 on Linux. */
    static final double TICKS_PER_SECOND = 100;
    private static final int COMPILER_POLL_EVERY = 250 / (int) POLL_MILLIS;
    /** How long the thread driving a process may take to finish once the process has exited. */
    private static final long DRIVER_GRACE_MILLIS = 10_000;

    /** How a child process ended. {@code peakRssKb} and {@code cpuSeconds} are -1 where /proc is not available. */
    record Outcome(int exitCode, double wallSeconds, long peakRssKb, double cpuSeconds, double compilerCpuSeconds,
                   Path stdout, Path stderr, boolean timedOut) {

        boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }
    }

    private ChildProcess() {
    }

    static Outcome run(List<String> command, Path logDir, String name, long timeoutSeconds)
            throws IOException, InterruptedException {
        return run(command, logDir, name, timeoutSeconds, null);
    }

    /**
     * As {@link #run(List, Path, String, long)}, with {@code alongside} run on a thread of its own once the process has
     * started (to drive a long-running child, and stop it), and awaited for up to 10 s once the process has exited; the
 * readings cover the whole life of the process.
     */
    static Outcome run(List<String> command, Path logDir, String name, long timeoutSeconds, Consumer<Process> alongside)
            throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path stdout = logDir.resolve(name + ".out.log");
        Path stderr = logDir.resolve(name + ".err.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        Thread driver = null;
        if (alongside != null) {
            driver = new Thread(() -> alongside.accept(process), "bench-" + name);
            driver.setDaemon(true);
            driver.start();
        }
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        long peak = -1;
        long cpuTicks = -1;
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        Map<String, Long> compilerTicks = new HashMap<>(); // per compiler thread: it may end before the process
        int polls = 0;
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean timedOut = false;
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterMark(status));
            cpuTicks = Math.max(cpuTicks, cpuTicks(stat));
            if (polls++ % COMPILER_POLL_EVERY == 0) {
                compilerThreads(tasks, compilerTicks);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                timedOut = true;
                break;
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (driver != null) {
            driver.join(DRIVER_GRACE_MILLIS); // what it recorded is complete once the process has gone
        }
        long compiler = compilerTicks.values().stream().mapToLong(Long::longValue).sum();
        return new Outcome(process.exitValue(), wall, peak, cpuTicks < 0 ? -1 : cpuTicks / TICKS_PER_SECOND,
                cpuTicks < 0 ? -1 : compiler / TICKS_PER_SECOND, stdout, stderr, timedOut);
    }

    /** The CPU ticks of the JIT compiler threads of process {@code pid} now; -1 once it has gone. */
    static long compilerTicks(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        compilerThreads(Path.of("/proc", Long.toString(pid), "task"), ticks);
        return ticks.isEmpty() ? -1 : ticks.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records the CPU ticks of each of the process's JIT compiler threads seen so far. */
    private static void compilerThreads(Path tasks, Map<String, Long> ticks) {
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                String name = Files.readString(thread.resolve("comm"));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    long t = cpuTicks(thread.resolve("stat"));
                    ticks.merge(thread.getFileName().toString(), t, Math::max);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a thread or the process ended meanwhile: the readings so far stand
        }
    }

    /**
     * User plus system time from a {@code stat} file, in clock ticks: all a process's threads for
     * {@code /proc/<pid>/stat}, one thread's for {@code /proc/<pid>/task/<tid>/stat}; -1 once it has gone.
     */
    static long cpuTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            // the command name in parentheses may hold spaces: fields are counted from the last ')'
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1; // the process is exiting
        }
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

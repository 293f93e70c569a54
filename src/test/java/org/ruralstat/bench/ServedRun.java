package org.ruralstat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ruralstat.bench.BenchDrop.ReturnFile;

/**
 * A later night of {@code java -jar target/ruralstat.jar serve} (docs/contract.md), as an operator who keeps the
 * process up sees it: the serve process is started on a drop folder holding earlier returns of the same kind (the
 * province drop's returns of the large file's subject and format), runs them as its first night, and once that night
 * is over the large return is moved into the drop folder; {@code serve} notices it (it runs on new files, polling
 * every second) and runs the job again, with the JVM started, the code compiled and the reference data loaded. The
 * measured night is that second run, from the log's "Starting a run" to its "ended with exit code 0"; its CPU and
 * JIT time are the process's between the move and the end. Peak heap and RSS are those of the whole process, both
 * nights. Then the process is stopped with SIGTERM, as a service manager stops it, and must exit 0.
 */
final class ServedRun {

    private static final Pattern STARTING = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*ServeCommand - Starting a run", Pattern.MULTILINE);
    private static final Pattern ENDED = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*ServeCommand - The run \\(.*\\) ended with exit code (\\d+)", Pattern.MULTILINE);
    private static final Duration NIGHT_TIMEOUT = Duration.ofMinutes(30);
    /** A cron that never fires (30 February): only new files start a run. */
    private static final String NEVER = "0 0 0 30 2 *";

    private ServedRun() {
    }

    /**
     * The earlier returns of the first night: the files of {@code earlier} of the format and, where it is one of the
     * generated subjects, the subject of {@code drop}'s file, but never one at the same path.
     */
    static List<ReturnFile> earlierReturns(BenchDrop earlier, BenchDrop drop) {
        ReturnFile big = drop.files().get(0);
        boolean knownSubject = BenchDropGenerator.SUBJECTS.contains(big.subject());
        return earlier.files().stream().filter(f -> f.fileFormat().equals(big.fileFormat()))
                .filter(f -> !knownSubject || f.subject().equals(big.subject()))
                .filter(f -> !f.path().equals(big.path())).toList();
    }

    static JobRun run(String scenario, BenchDrop earlier, BenchDrop drop, List<String> launch, String xmx,
                      List<String> jvmOptions, Path workDir) throws IOException, InterruptedException {
        Path warehouse = workDir.resolve("warehouse-" + scenario);
        Path input = workDir.resolve("served-input-" + scenario);
        Path arriving = workDir.resolve("served-arriving-" + scenario);
        for (Path folder : List.of(warehouse, input, arriving)) {
            BenchFolders.delete(folder);
        }
        List<ReturnFile> first = earlierReturns(earlier, drop);
        for (ReturnFile f : first) {
            Path to = input.resolve(f.path());
            Files.createDirectories(to.getParent());
            Files.copy(earlier.input().resolve(f.path()), to);
        }
        Files.createDirectories(input);
        Path gcLog = JobRun.gcLog(scenario, workDir);
        List<String> command = JobRun.java(scenario, xmx, jvmOptions, launch, workDir);
        command.addAll(List.of("serve", "--quiet-period", "0s", "--input", input.toString(), "--warehouse", warehouse.toString(),
                "--ruralstat.schedule.on-new-files=true", "--ruralstat.schedule.poll-interval=1s",
                "--ruralstat.schedule.cron=" + NEVER));
        Path stdout = workDir.resolve("logs").resolve(scenario + ".out.log");
        Night night = new Night();
        ChildProcess.Outcome whole = ChildProcess.run(command, workDir.resolve("logs"), scenario,
                NIGHT_TIMEOUT.toSeconds() * 2, process -> night.drive(process, stdout, drop, input, arriving));
        GcLog heap = GcLog.parse(gcLog);
        String failure = night.failure != null ? night.failure : !whole.succeeded()
                ? (whole.timedOut() ? "timed out" : "serve exited with code " + whole.exitCode() + " on SIGTERM") : null;
        ChildProcess.Outcome measured = new ChildProcess.Outcome(whole.exitCode(), night.seconds, whole.peakRssKb(),
                night.cpuSeconds, night.compilerSeconds, whole.stdout(), whole.stderr(), whole.timedOut());
        if (failure != null) {
            return new JobRun(scenario, drop, measured, Double.NaN, heap, null, null, failure);
        }
        return JobRun.fromWarehouse(scenario, drop, measured, Double.NaN, heap, warehouse,
                drop.files().stream().map(ReturnFile::path).toList());
    }

    /** Drives the serve process through its two nights and measures the second; stops the process in the end. */
    private static final class Night {
        private volatile String failure;
        private volatile double seconds = Double.NaN;
        private volatile double cpuSeconds = -1;
        private volatile double compilerSeconds = -1;

        void drive(Process process, Path stdout, BenchDrop drop, Path input, Path arriving) {
            try {
                awaitRuns(process, stdout, 1);
                Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
                long cpuBefore = ChildProcess.cpuTicks(stat);
                long compilerBefore = ChildProcess.compilerTicks(process.pid());
                for (ReturnFile f : drop.files()) {
                    // copied beside the drop folder, then moved in whole: serve never sees half a file
                    Path staged = arriving.resolve(f.path());
                    Files.createDirectories(staged.getParent());
                    Files.copy(drop.input().resolve(f.path()), staged, StandardCopyOption.REPLACE_EXISTING);
                    Files.createDirectories(input.resolve(f.path()).getParent());
                    Files.move(staged, input.resolve(f.path()), StandardCopyOption.ATOMIC_MOVE);
                }
                String log = awaitRuns(process, stdout, 2);
                long cpuAfter = ChildProcess.cpuTicks(stat);
                long compilerAfter = ChildProcess.compilerTicks(process.pid());
                cpuSeconds = cpuBefore < 0 || cpuAfter < 0 ? -1 : (cpuAfter - cpuBefore) / ChildProcess.TICKS_PER_SECOND;
                compilerSeconds = compilerBefore < 0 || compilerAfter < 0 ? -1
                        : (compilerAfter - compilerBefore) / ChildProcess.TICKS_PER_SECOND;
                seconds = lastNightSeconds(log);
                int exit = lastExitCode(log);
                if (exit != 0) {
                    failure = "the measured night ended with exit code " + exit;
                }
            } catch (IOException | RuntimeException e) {
                failure = "driving serve: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
            } finally {
                process.destroy(); // SIGTERM: serve finishes and exits 0
            }
        }

        /**
         * Waits until {@code runs} runs have ended and no run is in progress (serve may start a second run for files
         * that arrived during the first); returns the log so far.
         */
        private static String awaitRuns(Process process, Path stdout, int runs) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + NIGHT_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("serve exited with code " + process.exitValue() + " before its night "
                            + runs + " ended");
                }
                String log = Files.exists(stdout) ? Files.readString(stdout) : "";
                long started = STARTING.matcher(log).results().count();
                long ended = ENDED.matcher(log).results().count();
                if (ended >= runs && started == ended) {
                    Thread.sleep(2_500); // two polls with nothing new: the night is over
                    String later = Files.readString(stdout);
                    if (STARTING.matcher(later).results().count() == started) {
                        return later;
                    }
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("serve did not finish night " + runs + " within " + NIGHT_TIMEOUT.toMinutes() + " min");
        }
    }

    /** Seconds from the log's last "Starting a run" to the end of that run, across midnight if need be. */
    static double lastNightSeconds(String log) {
        LocalTime start = LocalTime.parse(last(STARTING.matcher(log)).group(1));
        LocalTime end = LocalTime.parse(last(ENDED.matcher(log)).group(1));
        long millis = Duration.between(start, end).toMillis();
        return (millis < 0 ? millis + Duration.ofDays(1).toMillis() : millis) / 1000.0;
    }

    static int lastExitCode(String log) {
        return Integer.parseInt(last(ENDED.matcher(log)).group(2));
    }

    private static MatchResult last(Matcher m) {
        MatchResult last = null;
        while (m.find()) {
            last = m.toMatchResult();
        }
        if (last == null) {
            throw new IllegalStateException("no run in serve's log");
        }
        return last;
    }
}

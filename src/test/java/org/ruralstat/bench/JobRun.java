package org.ruralstat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the real job, {@code java -Xmx… -jar target/ruralstat.jar run --input … --warehouse …}, as a
 * child process on a fresh warehouse, and what it left behind: wall time, JVM start-up (from Spring
 * Boot's "Started … (process running for X)" line), peak RSS, heap from the GC log, step times from the
 * job repository and row counts from the ledger. With {@code -Dbench.jfr=true} each run also records a
 * Java Flight Recording (profile settings) beside its logs.
 */
record JobRun(String scenario, BenchDrop drop, ChildProcess.Outcome process, double startupSeconds,
              GcLog heap, StepTimes steps, WarehouseCounts counts, String failure) {

    private static final Pattern STARTED = Pattern.compile("Started RuralstatApplication in [\\d.]+ seconds \\(process running for ([\\d.]+)\\)");
    private static final long TIMEOUT_SECONDS = 3_600;

    /** The launch of {@link #run} for {@code java -jar <jar>}, as docs/contract.md gives it. */
    static List<String> fromJar(Path jar) {
        return List.of("-jar", jar.toString());
    }

    /**
     * A run started with {@code java -Xmx… [jvmOptions…] [logging] <launch…> run …}: {@code launch} names the jar and
     * the layout's own JVM options.
     */
    static JobRun run(String scenario, BenchDrop drop, List<String> launch, String xmx, List<String> jvmOptions, Path workDir)
            throws IOException, InterruptedException {
        return run(scenario, drop, launch, xmx, jvmOptions, workDir, List.of(), null);
    }

    /**
     * As {@link #run(String, BenchDrop, List, String, List, Path)}, with settings added to the command line and,
     * when {@code repositoryUrl} is given, the step times read from that job repository (PostgreSQL, user postgres)
     * instead of the warehouse's H2 file.
     */
    static JobRun run(String scenario, BenchDrop drop, List<String> launch, String xmx, List<String> jvmOptions, Path workDir,
                      List<String> settings, String repositoryUrl) throws IOException, InterruptedException {
        Path warehouse = workDir.resolve("warehouse-" + scenario);
        BenchFolders.delete(warehouse);
        Path gcLog = gcLog(scenario, workDir);
        List<String> command = java(scenario, xmx, jvmOptions, launch, workDir);
        command.addAll(List.of("run", "--quiet-period", "0s",
                "--input", drop.input().toString(), "--warehouse", warehouse.toString()));
        command.addAll(settings);
        ChildProcess.Outcome outcome = ChildProcess.run(command, workDir.resolve("logs"), scenario, TIMEOUT_SECONDS);
        double startup = startup(outcome.stdout());
        GcLog heap = GcLog.parse(gcLog);
        if (!outcome.succeeded()) {
            return new JobRun(scenario, drop, outcome, startup, heap, null, null,
                    outcome.timedOut() ? "timed out" : "exit code " + outcome.exitCode() + lastError(outcome));
        }
        return measured(scenario, drop, outcome, startup, heap, warehouse, null, repositoryUrl == null
                ? () -> StepTimes.read(warehouse) : () -> StepTimes.read(repositoryUrl, "postgres"));
    }

    /**
     * A process that ended well, with what it left in {@code warehouse}: the last job execution's step times and the
     * ledger's counts of the submissions at {@code paths} (every submission when null), checked against the drop.
     */
    static JobRun fromWarehouse(String scenario, BenchDrop drop, ChildProcess.Outcome outcome, double startup, GcLog heap,
                                Path warehouse, List<String> paths) {
        return measured(scenario, drop, outcome, startup, heap, warehouse, paths, () -> StepTimes.read(warehouse));
    }

    /** Reads the step times of a run. */
    @FunctionalInterface
    private interface StepTimesSource {
        StepTimes read() throws SQLException;
    }

    private static JobRun measured(String scenario, BenchDrop drop, ChildProcess.Outcome outcome, double startup,
                                   GcLog heap, Path warehouse, List<String> paths, StepTimesSource times) {
        try {
            StepTimes steps = times.read();
            WarehouseCounts counts = WarehouseCounts.read(warehouse, paths);
            BenchDrop counted = drop.counted() ? drop : drop.countedAs(counts.rowsRead(), counts.rejected());
            return new JobRun(scenario, counted, outcome, startup, heap, steps, counts, check(counted, counts));
        } catch (SQLException e) {
            return new JobRun(scenario, drop, outcome, startup, heap, null, null, "cannot read the warehouse: " + e);
        }
    }

    /** {@code <workDir>/logs/<scenario>.gc.log}, the GC log of a scenario's job process. */
    static Path gcLog(String scenario, Path workDir) {
        return workDir.resolve("logs").resolve(scenario + ".gc.log");
    }

    /**
     * {@code java -Xmx… [jvmOptions…] -Xlog:gc… [JFR] <launch…>}, the command of a scenario's job process up to its
     * command word; an earlier run's GC log is removed.
     */
    static List<String> java(String scenario, String xmx, List<String> jvmOptions, List<String> launch, Path workDir)
            throws IOException {
        Files.deleteIfExists(gcLog(scenario, workDir));
        List<String> command = new ArrayList<>(List.of(BenchFolders.java(), "-Xmx" + xmx));
        command.addAll(jvmOptions);
        command.add("-Xlog:gc,gc+heap+exit:file=" + gcLog(scenario, workDir));
        if (Boolean.getBoolean("bench.jfr")) {
            command.add("-XX:StartFlightRecording=filename=" + workDir.resolve("logs").resolve(scenario + ".jfr")
                    + ",settings=profile");
        }
        command.addAll(launch);
        return command;
    }

    /**
     * Null when the run loaded exactly the valid rows and rejected exactly the invalid ones (for a held-out
     * file, whose counts come from this run, only that it loaded rows and rejected no file whole).
     */
    private static String check(BenchDrop drop, WarehouseCounts counts) {
        long expectedLoaded = drop.rows() - drop.invalid();
        if (counts.loaded() == 0) {
            return "loaded nothing";
        }
        if (counts.files() != drop.files().size() || counts.rowsRead() != drop.rows() || counts.loaded() != expectedLoaded
                || counts.rejected() != drop.invalid() || counts.rejectedFiles() != 0) {
            return String.format("expected %d files, %d rows read, %d loaded, %d rejected; the ledger says %d, %d, %d, %d"
                            + " (%d files rejected whole)", drop.files().size(), drop.rows(), expectedLoaded, drop.invalid(),
                    counts.files(), counts.rowsRead(), counts.loaded(), counts.rejected(), counts.rejectedFiles());
        }
        return null;
    }

    private static double startup(Path stdout) throws IOException {
        Matcher m = STARTED.matcher(Files.readString(stdout));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static String lastError(ChildProcess.Outcome outcome) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(outcome.stderr()));
        lines.addAll(Files.readAllLines(outcome.stdout()));
        return lines.stream().filter(l -> l.contains("ERROR") || l.contains("Exception") || l.contains("Error"))
                .findFirst().map(l -> ": " + l.strip()).orElse("");
    }

    boolean succeeded() {
        return failure == null;
    }

    double wallSeconds() {
        return process.wallSeconds();
    }

    /** Rows per second of wall time, JVM start-up included. */
    double rowsPerSecond() {
        return drop.rows() / wallSeconds();
    }

    /** Stage-step throughput per file format: rows read over the summed time of that format's partitions. */
    Map<String, double[]> stageByFormat() {
        Map<String, double[]> byFormat = new TreeMap<>(); // format -> {rows, seconds}
        if (steps == null) {
            return byFormat;
        }
        steps.partitions().forEach((id, seconds) -> {
            WarehouseCounts.Submission s = counts.submissions().get(id);
            if (s != null) {
                double[] sums = byFormat.computeIfAbsent(s.format(), k -> new double[2]);
                sums[0] += s.rowsRead();
                sums[1] += seconds;
            }
        });
        return byFormat;
    }
}

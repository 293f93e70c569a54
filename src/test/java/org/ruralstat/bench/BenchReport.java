package org.ruralstat.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ruralstat.bench.Yardsticks.Timing;

/**
 * The benchmark's figures as tables: end to end per scenario, time per phase, staging throughput per
 * format, the yardsticks on the same files, and each target met or not. Throughput ratios are
 * "ruralstat's rows per second over the yardstick's" on the same file, that is the yardstick's time over
 * ruralstat's; ruralstat's time is the whole child process, JVM start-up included, except for the scenarios run
 * as a later night of {@code serve}, whose time is that night's run.
 */
final class BenchReport {

    private static final double CSV_TARGET = 1.0 / 3;
    private static final double POI_TARGET = 3;
    private static final double STREAMING_TARGET = 1 / 1.5;
    private static final double NIGHTLY_SECONDS = 300;
    private static final long NIGHTLY_ROWS = 1_000_000;
    private static final int NIGHTLY_FILES = 400;
    private static final String SERVED_CSV = "big-csv" + RuralstatBenchmark.SERVED;
    private static final String SERVED_XLSX = "big-xlsx" + RuralstatBenchmark.SERVED;

    private final BenchResults results;
    private final List<ResultTable> tables = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();

    BenchReport(BenchResults results) {
        this.results = results;
        tables.add(endToEnd());
        tables.add(phases());
        tables.add(stageByFormat());
        tables.add(comparisons());
        targets();
    }

    String console() {
        StringBuilder out = new StringBuilder(heading()).append("\n\n");
        tables.forEach(t -> out.append(t.console()).append('\n'));
        out.append("Targets\n");
        targets.forEach(t -> out.append("  ").append(t).append('\n'));
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder("## ruralstat benchmark\n\n").append(heading()).append("\n\n");
        tables.forEach(t -> out.append(t.markdown()));
        out.append("### Targets\n\n");
        targets.forEach(t -> out.append("- ").append(t).append('\n'));
        return out.toString();
    }

    private String heading() {
        BenchSettings s = results.settings();
        long memoryGb = Math.round(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / 1e9);
        return String.format("Measured %s on %d cores, %d GB, Java %s; scale %s, %d counties; large single returns of %s; every job run with %s. "
                        + "Load average (1 min) %s at the start, %s at the end: above %d means other work shared the cores.",
                LocalDate.now(), s.threads(), memoryGb, System.getProperty("java.version"), s.scale(), s.counties(), s.subject(), s.jvmLine(),
                results.loadAtStart(), BenchResults.loadAverage(), s.threads());
    }

    private ResultTable endToEnd() {
        ResultTable t = new ResultTable("End to end: the real job (java -jar target/ruralstat.jar run), one fresh warehouse per scenario;"
                        + " CPU: user and system time of all its threads; JIT: the CPU time of HotSpot's C1 and C2 compiler"
                        + " threads, out of that CPU; big-xlsx and big-xlsx-cds: the median of "
                        + RuralstatBenchmark.XLSX_ROUNDS + " runs each, taken in turns; *" + RuralstatBenchmark.SERVED
                        + ": the same file as the second night of java -jar target/ruralstat.jar serve, after a first night of"
                        + " the province's returns of its subject and format (wall, CPU, JIT: that night's; heap, RSS: the"
                        + " whole process)",
                "scenario", "format", "files", "rows", "rejected", "wall s", "JVM start s", "CPU s", "JIT s", "rows/s", "rows/s w/o start",
                "peak heap MB", "max live MB", "peak RSS MB", "result");
        for (BenchResults.Scenario s : results.scenarios()) {
            JobRun run = results.runs().get(s.id());
            long rejected = run.counts() == null ? -1 : run.counts().rejected();
            t.row(s.id(), s.format(), s.drop().files().size(), rows(s.drop().rows()),
                    rows(rejected) + " of " + rows(s.drop().invalid()), seconds(run.wallSeconds()), seconds(run.startupSeconds()),
                    cpu(run.process().cpuSeconds()), cpu(run.process().compilerCpuSeconds()), rate(run.rowsPerSecond()), rate(s.drop().rows() / (run.wallSeconds() - run.startupSeconds())),
                    mb(run.heap().peakUsedKb()), mb(run.heap().maxLiveKb()), mb(run.process().peakRssKb()),
                    run.succeeded() ? "ok" : "FAILED: " + run.failure());
        }
        return t;
    }

    private ResultTable phases() {
        List<String> header = new ArrayList<>(List.of("phase (seconds)"));
        results.scenarios().forEach(s -> header.add(s.id()));
        ResultTable t = new ResultTable("Time per phase, from the job repository (read, validate: the job's reader and "
                + "validator timed call by call in the benchmark JVM, same files and threads; stage: the staging step "
                + "minus both)", header.toArray(String[]::new));
        List<String[]> phases = List.of(new String[] {"JVM start-up", null}, new String[] {"prepare", "prepareWarehouseStep"},
                new String[] {"discover", "discoverSubmissionsStep"}, new String[] {"read", null}, new String[] {"validate", null},
                new String[] {"stage", null}, new String[] {"  (staging step: read+validate+stage)", "stageSubmissionsStep"},
                new String[] {"check (set rules)", "checkStagedSubmissionsStep"}, new String[] {"publish", "publishSubmissionsStep"},
                new String[] {"feedback", "writeFeedbackStep"}, new String[] {"snapshot", "publishSnapshotStep"},
                new String[] {"other (shutdown, gaps)", null}, new String[] {"wall", null});
        for (String[] phase : phases) {
            List<Object> row = new ArrayList<>(List.of(phase[0]));
            for (BenchResults.Scenario s : results.scenarios()) {
                row.add(seconds(phase(s.id(), phase[0], phase[1])));
            }
            t.row(row.toArray());
        }
        return t;
    }

    private double phase(String id, String phase, String step) {
        JobRun run = results.runs().get(id);
        if (run.steps() == null) {
            return Double.NaN;
        }
        RuralstatPasses.Pass pass = results.passes().get(id);
        double stepsTotal = run.steps().steps().values().stream().mapToDouble(Double::doubleValue).sum();
        if (pass == null && (phase.equals("read") || phase.equals("validate") || phase.equals("stage"))) {
            return Double.NaN; // a second run on files passed already: see that scenario's column
        }
        return switch (phase) {
            case "JVM start-up" -> run.startupSeconds();
            case "read" -> pass.readSeconds();
            case "validate" -> pass.validateSeconds();
            case "stage" -> run.steps().step("stageSubmissionsStep") - pass.readSeconds() - pass.validateSeconds();
            case "other (shutdown, gaps)" -> run.wallSeconds() - (Double.isNaN(run.startupSeconds()) ? 0 : run.startupSeconds())
                    - stepsTotal;
            case "wall" -> run.wallSeconds();
            default -> run.steps().step(step);
        };
    }

    private ResultTable stageByFormat() {
        ResultTable t = new ResultTable("Staging step per file format (rows read over the summed time of that format's "
                + "partitions, i.e. per staging thread)", "scenario", "format", "rows", "partition s", "rows/s per thread");
        for (BenchResults.Scenario s : results.scenarios()) {
            JobRun run = results.runs().get(s.id());
            for (Map.Entry<String, double[]> e : run.stageByFormat().entrySet()) {
                t.row(s.id(), e.getKey(), rows((long) e.getValue()[0]), seconds(e.getValue()[1]),
                        rate(e.getValue()[0] / e.getValue()[1]));
            }
        }
        return t;
    }

    private ResultTable comparisons() {
        ResultTable t = new ResultTable("The same files through other readers (best of " + Yardsticks.ATTEMPTS
                + " runs in the benchmark JVM; POI in a child JVM, its first pass and its second; the *"
                + RuralstatBenchmark.SERVED + " rows set a later night of serve beside the readers' warm passes)", "file",
                "reader", "rows seen", "seconds", "data rows/s", "ruralstat end to end ÷ it", "peak RSS MB");
        compare(t, "big-csv", results.yardsticks().get("duckdb"), -1);
        for (String key : List.of("poi", "fastexcel", "streaming")) {
            compare(t, "big-xlsx", results.yardsticks().get(key), key.equals("poi") ? results.poiPeakRssKb() : -1);
        }
        if (results.runs().containsKey(SERVED_CSV)) {
            compare(t, SERVED_CSV, results.yardsticks().get("duckdb"), -1);
        }
        if (results.runs().containsKey(SERVED_XLSX)) {
            compare(t, SERVED_XLSX, results.yardsticks().get("poi-warm"), results.poiPeakRssKb());
            compare(t, SERVED_XLSX, results.yardsticks().get("fastexcel"), -1);
        }
        for (BenchResults.Scenario s : results.scenarios()) {
            RuralstatPasses.Pass pass = results.passes().get(s.id());
            if (pass == null) {
                continue; // a second run on files passed already
            }
            compare(t, s.id(), new Timing("ruralstat reader alone", pass.rows(), pass.readSeconds(), null), -1);
            compare(t, s.id(), new Timing("ruralstat reader + validation", pass.rows(), pass.seconds(), null), -1);
        }
        return t;
    }

    private void compare(ResultTable t, String id, Timing timing, long rssKb) {
        long dataRows = results.scenario(id).drop().rows();
        if (!timing.succeeded()) {
            t.row(id, timing.name(), "", "", "", "did not finish: " + timing.failure(), mb(rssKb));
            return;
        }
        t.row(id, timing.name(), rows(timing.rows()), seconds(timing.seconds()), rate(dataRows / timing.seconds()),
                ratio(ratio(id, timing)), mb(rssKb));
    }

    /** ruralstat's end-to-end throughput over the yardstick's, on the same file. */
    private double ratio(String id, Timing timing) {
        JobRun run = results.runs().get(id);
        return run != null && run.succeeded() && timing.succeeded() ? timing.seconds() / run.wallSeconds() : Double.NaN;
    }

    private void targets() {
        Map<String, Timing> y = results.yardsticks();
        target("CSV end to end, all validation, ≥ 1/3 of DuckDB read_csv", ratio("big-csv", y.get("duckdb")), CSV_TARGET);
        Timing poi = y.get("poi");
        if (!poi.succeeded() && results.runs().get("big-xlsx").succeeded()) {
            targets.add("xlsx end to end ≥ 3× POI user model: MET (POI did not finish: " + poi.failure() + ")");
        } else {
            target("xlsx end to end ≥ 3× POI user model", ratio("big-xlsx", poi), POI_TARGET);
        }
        Timing fastest = Stream.of(y.get("fastexcel"), y.get("streaming")).filter(Timing::succeeded)
                .min(Comparator.comparingDouble(Timing::seconds)).orElse(y.get("fastexcel"));
        target("xlsx end to end no slower than 1.5× a parse-only pass of the fastest streaming reader ("
                + fastest.name() + ")", ratio("big-xlsx", fastest), STREAMING_TARGET);
        JobRun extracted = results.runs().get(RuralstatBenchmark.EXTRACTED_XLSX);
        if (extracted != null) {
            String how = " (from the " + BenchResults.Scenario.EXTRACTED + ", README Operations; for information: the targets"
                    + " above are the jar's)";
            if (poi.succeeded()) {
                target("xlsx end to end ≥ 3× POI user model" + how, ratio(RuralstatBenchmark.EXTRACTED_XLSX, poi), POI_TARGET);
            }
            target("xlsx end to end no slower than 1.5× " + fastest.name() + how,
                    ratio(RuralstatBenchmark.EXTRACTED_XLSX, fastest), STREAMING_TARGET);
        }
        if (results.runs().containsKey(SERVED_XLSX)) {
            String how = " (a later night of serve against the readers' warm passes; for information: the targets above"
                    + " are the jar's run)";
            target("CSV end to end ≥ 1/3 of DuckDB read_csv" + how, ratio(SERVED_CSV, y.get("duckdb")), CSV_TARGET);
            Timing poiWarm = y.get("poi-warm");
            if (poiWarm != null && poiWarm.succeeded()) {
                target("xlsx end to end ≥ 3× POI user model, second pass" + how, ratio(SERVED_XLSX, poiWarm), POI_TARGET);
            }
            target("xlsx end to end no slower than 1.5× " + fastest.name() + how, ratio(SERVED_XLSX, fastest), STREAMING_TARGET);
        }
        boolean allPassed = results.runs().values().stream().allMatch(JobRun::succeeded);
        targets.add("every run passes with -Xmx" + results.settings().xmx() + ": " + (allPassed ? "MET" : "NOT MET"));
        JobRun province = results.runs().get("province");
        BenchDrop drop = results.scenario("province").drop();
        String nightly = String.format("province nightly run (%,d rows in %d files, %d cores) under 5 minutes: %s s",
                drop.rows(), drop.files().size(), results.settings().threads(), seconds(province.wallSeconds()));
        if (drop.rows() < NIGHTLY_ROWS || drop.files().size() < NIGHTLY_FILES) {
            targets.add(nightly + ": NOT CHECKED (drop below 1,000,000 rows in 400 files; run at scale 1)");
        } else {
            targets.add(nightly + ": " + (province.succeeded() && province.wallSeconds() < NIGHTLY_SECONDS ? "MET" : "NOT MET"));
        }
    }

    private void target(String what, double ratio, double needed) {
        String verdict = Double.isNaN(ratio) ? "NOT MET (no figure)" : ratio >= needed ? "MET" : "NOT MET";
        targets.add(String.format("%s: ratio %s, needed %.2f: %s", what, ratio(ratio), needed, verdict));
    }

    private static String rows(long n) {
        return String.format("%,d", n);
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "n/a" : String.format("%.1f", s);
    }

    /** CPU seconds, or n/a where /proc gave none (-1). */
    private static String cpu(double s) {
        return seconds(s < 0 ? Double.NaN : s);
    }

    private static String rate(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "n/a" : String.format("%,.0f", r);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "n/a" : String.format("%.2f", r);
    }

    private static String mb(long kb) {
        return kb < 0 ? "" : String.format("%,d", kb / 1024);
    }
}

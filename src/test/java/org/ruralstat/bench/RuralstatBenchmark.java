package org.ruralstat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ruralstat.bench.Yardsticks.Timing;
import org.slf4j.LoggerFactory;

/**
 * The benchmark (issue 6): generates a deterministic province-scale drop and single large returns under
 * {@code target/bench}, runs the real job on each as a child process with a 512 MB heap, measures the
 * same files with DuckDB's read_csv, POI's user model and two streaming xlsx readers, and prints rows per
 * second, phase times, peak heap and RSS, and whether each target is met; the large CSV and xlsx are also run as the
 * second night of a {@code serve} process ({@link ServedRun}), for information. Writes the same as
 * {@code target/bench/results.md}. Exits 1 when a run failed or did not load exactly the rows it should.
 *
 * <p>Run it with {@code ./mvnw -Pbench verify} (see the README's Performance section). With
 * {@code -Dbench.csv=<file>} or {@code -Dbench.xlsx=<file>} a return made elsewhere takes the place of the
 * generated large CSV or xlsx; its rows are then what the job's ledger counts.
 */
public final class RuralstatBenchmark {

    static final int BIG_CSV_ROWS = 1_000_000;
    static final int BIG_XLSX_ROWS = 200_000;
    static final int BIG_XLS_ROWS = 60_000;
    /** The scenario of the large xlsx run from the extracted layout with a class-data archive. */
    static final String EXTRACTED_XLSX = "big-xlsx-cds";
    /** Runs of the large xlsx each way; the report shows the median. */
    static final int XLSX_ROUNDS = 3;
    /** The large CSV and xlsx as a later night of {@code serve}: their scenarios' ids with this after them. */
    static final String SERVED = "-served";
    private static final Pattern POI_RESULT = Pattern.compile("rows=(\\d+) chars=\\d+ seconds=([\\d.]+)");

    private RuralstatBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        BenchSettings settings = BenchSettings.fromSystemProperties();
        if (!Files.exists(settings.jar())) {
            throw new IllegalStateException(settings.jar() + " is missing: build it first (./mvnw -Pbench verify does)");
        }
        BenchResults results = new BenchResults(settings);
        generate(settings, results);
        log("extracting the jar and recording a class-data archive on the demo drop");
        ExtractedLayout layout = ExtractedLayout.make(settings.jar(), settings.repo().resolve("input"), settings.dir());
        for (BenchResults.Scenario scenario : List.copyOf(results.scenarios())) { // from the jar, as docs/contract.md says
            if (scenario.id().equals("big-xlsx")) {
                runBothWays(settings, results, scenario, layout);
                continue;
            }
            results.ran(run(settings, scenario, JobRun.fromJar(settings.jar())));
        }
        for (String of : List.of("big-csv", "big-xlsx")) {
            results.addServed(of + SERVED, of);
            results.ran(served(settings, results, results.scenario(of + SERVED)));
        }
        measureYardsticks(settings, results);
        measurePasses(settings, results);
        BenchReport report = new BenchReport(results);
        System.out.println();
        System.out.println(report.console());
        Path md = settings.dir().resolve("results.md");
        Files.writeString(md, report.markdown(), StandardCharsets.UTF_8);
        System.out.println("Written to " + md);
        List<String> failures = results.failures();
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.out.println("BENCHMARK FAILED: " + f));
            System.exit(1);
        }
    }

    private static void generate(BenchSettings settings, BenchResults results) throws IOException {
        long start = System.nanoTime();
        log("generating drops under " + settings.dir() + " (scale " + settings.scale() + "; large single returns: "
                + settings.subject() + ")");
        BenchDropGenerator generator = new BenchDropGenerator(BenchRegions.load(settings.repo().resolve("seeds/regions.csv")));
        Path drops = settings.dir().resolve("drops");
        results.add("big-csv", "csv", settings.heldOutCsv() != null
                ? BenchDrop.external(drops.resolve("held-out-csv"), settings.heldOutCsv(),
                        BenchSettings.submitterOf(settings.heldOutCsv()), "held out")
                : generator.single(drops.resolve("big-csv"), settings.subject(), settings.rows(BIG_CSV_ROWS), ReturnFormat.CSV_UTF8));
        results.add("big-xlsx", "xlsx", settings.heldOutXlsx() != null
                ? BenchDrop.external(drops.resolve("held-out-xlsx"), settings.heldOutXlsx(),
                        BenchSettings.submitterOf(settings.heldOutXlsx()), "held out")
                : generator.single(drops.resolve("big-xlsx"), settings.subject(), settings.rows(BIG_XLSX_ROWS), ReturnFormat.XLSX));
        results.add("big-xls", "xls", generator.single(drops.resolve("big-xls"), settings.subject(),
                settings.rows(BIG_XLS_ROWS), ReturnFormat.XLS));
        results.add("province", "mixed", generator.province(drops.resolve("province"), settings.counties(), settings.scale()));
        log(String.format("  drops ready in %.1f s", (System.nanoTime() - start) / 1e9));
    }

    /**
     * The large xlsx from the jar and from the extracted layout (README, Operations), {@link #XLSX_ROUNDS} times each,
     * alternating, so that both meet the same moods of the machine; each keeps its run of median wall time.
     */
    private static void runBothWays(BenchSettings settings, BenchResults results, BenchResults.Scenario fromJar,
                                    ExtractedLayout layout) throws Exception {
        List<JobRun> jarRuns = new ArrayList<>();
        List<JobRun> extractedRuns = new ArrayList<>();
        for (int round = 1; round <= XLSX_ROUNDS; round++) {
            jarRuns.add(run(settings, fromJar, JobRun.fromJar(settings.jar())));
            if (round == 1) {
                results.addExtracted(EXTRACTED_XLSX, fromJar.id());
            }
            extractedRuns.add(run(settings, results.scenario(EXTRACTED_XLSX), layout.launch()));
        }
        results.ran(median(jarRuns));
        results.ran(median(extractedRuns));
    }

    private static JobRun run(BenchSettings settings, BenchResults.Scenario scenario, List<String> launch) throws Exception {
        log("running the job on " + scenario.label() + (scenario.fromJar() ? "" : " from the " + scenario.launch())
                + " (" + settings.jvmLine() + ")");
        JobRun run = JobRun.run(scenario.id(), scenario.drop(), launch, settings.xmx(), settings.jvmOptions(), settings.dir());
        log(String.format("  %.1f s, %s", run.wallSeconds(), run.succeeded() ? "ok" : "FAILED: " + run.failure()));
        return run;
    }

    /** The large file as the second night of a serve process whose first night had the province's returns of its kind. */
    private static JobRun served(BenchSettings settings, BenchResults results, BenchResults.Scenario scenario) throws Exception {
        BenchDrop earlier = results.scenario("province").drop();
        log("running serve on " + scenario.label() + " after a first night of "
                + ServedRun.earlierReturns(earlier, scenario.drop()).size() + " province returns of its kind (" + settings.jvmLine() + ")");
        JobRun run = ServedRun.run(scenario.id(), earlier, scenario.drop(), JobRun.fromJar(settings.jar()), settings.xmx(),
                settings.jvmOptions(), settings.dir());
        log(String.format("  second night %.1f s, %s", run.wallSeconds(), run.succeeded() ? "ok" : "FAILED: " + run.failure()));
        return run;
    }

    /** The run of median wall time; a failed run, if any, so that a failure is never hidden by the others. */
    private static JobRun median(List<JobRun> runs) {
        return runs.stream().filter(r -> !r.succeeded()).findFirst().orElseGet(() -> runs.stream()
                .sorted(Comparator.comparingDouble(JobRun::wallSeconds)).toList().get(runs.size() / 2));
    }

    private static void measureYardsticks(BenchSettings settings, BenchResults results) throws Exception {
        Path csv = results.onlyFile("big-csv");
        Path xlsx = results.onlyFile("big-xlsx");
        log("DuckDB read_csv on " + csv.getFileName());
        results.yardsticks().put("duckdb", Yardsticks.duckdbReadCsv(csv, settings.dir().resolve("duckdb")));
        log("fastexcel-reader on " + xlsx.getFileName());
        results.yardsticks().put("fastexcel", Yardsticks.fastexcel(xlsx));
        log("excel-streaming-reader on " + xlsx.getFileName());
        results.yardsticks().put("streaming", Yardsticks.excelStreamingReader(xlsx));
        log("POI user model on " + xlsx.getFileName() + " (child JVM, -Xmx" + settings.poiXmx() + ", twice)");
        List<Timing> poi = poiUserModel(settings, xlsx, results);
        results.yardsticks().put("poi", poi.get(0));
        results.yardsticks().put("poi-warm", poi.get(1));
    }

    /**
     * POI's user model read twice in one child JVM: the first pass from a cold start, as a run of the job is, the
     * second with POI's code compiled, to set beside a later night of {@code serve}.
     */
    private static List<Timing> poiUserModel(BenchSettings settings, Path xlsx, BenchResults results) throws Exception {
        List<String> names = List.of("POI user model (XSSFWorkbook)", "POI user model, second pass in the same JVM");
        ChildProcess.Outcome outcome = ChildProcess.run(List.of(BenchFolders.java(), "-Xmx" + settings.poiXmx(),
                        "-cp", System.getProperty("java.class.path"), PoiUserModelRead.class.getName(), xlsx.toString(), "2"),
                settings.dir().resolve("logs"), "poi-user-model", 1_800);
        results.poiPeakRssKb(outcome.peakRssKb());
        Matcher m = POI_RESULT.matcher(Files.readString(outcome.stdout()));
        List<Timing> timings = new ArrayList<>();
        for (String name : names) {
            if (outcome.succeeded() && m.find()) {
                timings.add(new Timing(name, Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), null));
            } else {
                String why = Files.readString(outcome.stderr()).contains("OutOfMemoryError")
                        ? "out of memory with -Xmx" + settings.poiXmx() : "exit code " + outcome.exitCode();
                timings.add(Timing.failed(name, why));
            }
        }
        return timings;
    }

    /** ruralstat's reader and validation on each drop, after a warm-up on part of the province drop. */
    private static void measurePasses(BenchSettings settings, BenchResults results) throws Exception {
        log("ruralstat reader and validation passes (" + settings.threads() + " threads)");
        RuralstatPasses passes = RuralstatPasses.load(settings.repo().resolve("jobs"), settings.repo().resolve("seeds"));
        BenchDrop province = results.scenario("province").drop();
        passes.run(province, province.files().subList(0, Math.min(20, province.files().size())), settings.threads());
        for (BenchResults.Scenario scenario : results.scenarios()) {
            if (!scenario.fromJar()) {
                continue; // the same files as a scenario measured already
            }
            BenchDrop drop = scenario.drop();
            results.passes().put(scenario.id(), passes.run(drop, drop.files(), settings.threads()));
        }
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
    }
}

package org.ruralstat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ruralstat.bench.Yardsticks.Timing;

/** Everything one benchmark run measured, in the order it was measured. */
final class BenchResults {

    /**
     * One drop the job runs on: {@code format} is its files' format, or "mixed"; {@code launch} how the job is started
     * ({@link #JAR}, or {@link #EXTRACTED} for a second run on the files of another scenario).
     */
    record Scenario(String id, String format, BenchDrop drop, String launch) {

        static final String JAR = "jar";
        static final String EXTRACTED = "extracted layout + CDS";
        static final String SERVED = "serve, a later night";

        boolean fromJar() {
            return launch.equals(JAR);
        }

        String label() {
            return String.format("%s (%,d rows in %d file%s)", id, drop.rows(), drop.files().size(),
                    drop.files().size() == 1 ? "" : "s");
        }
    }

    private final BenchSettings settings;
    private final List<Scenario> scenarios = new ArrayList<>();
    private final Map<String, JobRun> runs = new LinkedHashMap<>();
    private final Map<String, Timing> yardsticks = new LinkedHashMap<>();
    private final Map<String, RuralstatPasses.Pass> passes = new LinkedHashMap<>();
    private final String loadAtStart = loadAverage();
    private long poiPeakRssKb = -1;

    BenchResults(BenchSettings settings) {
        this.settings = settings;
    }

    /** The one-minute load average from /proc/loadavg, or "?" where there is none. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    String loadAtStart() {
        return loadAtStart;
    }

    void add(String id, String format, BenchDrop drop) {
        scenarios.add(new Scenario(id, format, drop, Scenario.JAR));
    }

    /** A second scenario on the files of scenario {@code of}, run from the extracted layout. */
    void addExtracted(String id, String of) {
        addVariant(id, of, Scenario.EXTRACTED);
    }

    /** A second scenario on the files of scenario {@code of}, as a later night of a serve process. */
    void addServed(String id, String of) {
        addVariant(id, of, Scenario.SERVED);
    }

    private void addVariant(String id, String of, String launch) {
        Scenario same = scenario(of);
        scenarios.add(new Scenario(id, same.format(), same.drop(), launch));
    }

    /** Records a run; a held-out file's scenario takes the rows the run counted. */
    void ran(JobRun run) {
        runs.put(run.scenario(), run);
        scenarios.replaceAll(s -> s.id().equals(run.scenario()) ? new Scenario(s.id(), s.format(), run.drop(), s.launch()) : s);
    }

    BenchSettings settings() {
        return settings;
    }

    List<Scenario> scenarios() {
        return scenarios;
    }

    Scenario scenario(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** The one file of a single-file scenario. */
    Path onlyFile(String id) {
        BenchDrop drop = scenario(id).drop();
        return drop.input().resolve(drop.files().get(0).path());
    }

    Map<String, JobRun> runs() {
        return runs;
    }

    Map<String, Timing> yardsticks() {
        return yardsticks;
    }

    Map<String, RuralstatPasses.Pass> passes() {
        return passes;
    }

    long poiPeakRssKb() {
        return poiPeakRssKb;
    }

    void poiPeakRssKb(long kb) {
        poiPeakRssKb = kb;
    }

    /** Runs that failed or loaded other rows than the drop holds; the benchmark must not pass quietly. */
    List<String> failures() {
        List<String> failures = new ArrayList<>();
        runs.forEach((id, run) -> {
            if (!run.succeeded()) {
                failures.add(id + ": " + run.failure());
            }
        });
        scenarios.forEach(s -> {
            RuralstatPasses.Pass pass = passes.get(s.id());
            if (pass != null && (pass.rows() != s.drop().rows() || pass.rejected() != s.drop().invalid())) {
                failures.add(String.format("%s: the validation pass read %d rows and rejected %d; the drop has %d and %d",
                        s.id(), pass.rows(), pass.rejected(), s.drop().rows(), s.drop().invalid()));
            }
        });
        return failures;
    }
}

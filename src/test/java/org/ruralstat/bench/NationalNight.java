package org.ruralstat.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The national night (docs/performance.md): one return of one subject from every county with villages in
 * {@code seeds/regions.csv}, loaded by one {@code run} of the jar at {@code -Xmx512m}; prints the wall time, the rows
 * per second and the time per file outside its rows, with the time of each step.
 *
 * <pre>./mvnw -q package -DskipTests && ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ruralstat.bench.NationalNight [-Dbench.national.subject=income] [-Dbench.scale=1] \
 *     [-Dbench.workers=N] [-Dbench.national.counties=N]</pre>
 * {@code bench.national.counties} takes that many counties, spread evenly over the list, instead of all.
 * With {@code bench.workers} N &gt; 0 the files are staged by N {@code worker} processes of the jar (each at the same
 * heap) through RabbitMQ and a PostgreSQL job repository ({@link BenchWorkers}); the run is then the manager.
 */
public final class NationalNight {

    private NationalNight() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        String subject = System.getProperty("bench.national.subject", "income");
        Path dir = settings.dir().resolve("national");
        Files.createDirectories(dir);
        long start = System.nanoTime();
        BenchDrop drop = new BenchDropGenerator(BenchRegions.loadNational(settings.repo().resolve("seeds/regions.csv")))
                .national(dir.resolve("drop"), subject, settings.scale(), Integer.getInteger("bench.national.counties", Integer.MAX_VALUE));
        System.out.printf(Locale.ROOT, "national drop: %d files, %d rows (%s) in %.1f s%n", drop.files().size(),
                drop.rows(), drop.parameters(), (System.nanoTime() - start) / 1e9);
        int workerCount = Integer.getInteger("bench.workers", 0);
        JobRun run;
        if (workerCount == 0) {
            run = JobRun.run("national", drop, JobRun.fromJar(settings.jar()), settings.xmx(), settings.jvmOptions(), dir);
        } else {
            try (BenchWorkers workers = BenchWorkers.start(workerCount, settings.jar(), settings.xmx(), dir.resolve("logs"))) {
                run = JobRun.run("national-" + workerCount + "-workers", drop, JobRun.fromJar(settings.jar()), settings.xmx(),
                        settings.jvmOptions(), dir, workers.managerSettings(), workers.repositoryUrl());
            }
        }
        if (run.failure() != null) {
            System.out.println("national night FAILED: " + run.failure());
            System.exit(1);
        }
        double wall = run.wallSeconds();
        Map<String, Double> steps = run.steps().steps();
        double stage = steps.getOrDefault("stageSubmissionsStep", 0.0);
        double fixed = steps.getOrDefault("prepareWarehouseStep", 0.0) + steps.getOrDefault("publishSnapshotStep", 0.0)
                + run.startupSeconds();
        double outsideStage = wall - stage - fixed;
        int files = drop.files().size();
        System.out.printf(Locale.ROOT, "national night: %d files, %d rows, wall %.1f s at -Xmx%s, %.0f rows/s, %s%n",
                files, drop.rows(), wall, settings.xmx(), run.rowsPerSecond(),
                workerCount == 0 ? "staged by the run itself" : "staged by " + workerCount + " worker process(es)");
        System.out.printf(Locale.ROOT, "  start-up %.1f s, prepare + snapshot %.1f s, stage %.1f s%n",
                run.startupSeconds(), fixed - run.startupSeconds(), stage);
        System.out.printf(Locale.ROOT, "  per file outside staging (discover, set rules, publish, feedback): %.1f ms%n",
                outsideStage * 1000 / files);
        steps.forEach((step, seconds) -> System.out.printf(Locale.ROOT, "  %-28s %8.1f s  %6.1f ms/file%n",
                step, seconds, seconds * 1000 / files));
        System.out.printf(Locale.ROOT, "  peak heap %s%n", run.heap());
    }
}

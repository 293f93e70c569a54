package org.ruralstat.bench;

import java.nio.file.Path;

/**
 * The benchmark's knobs, as system properties ({@code -Dbench.scale=0.1} on the Maven command line):
 *
 * @param scale     rows of every drop, 1 for the full benchmark (a 1,000,000-row CSV, a 200,000-row xlsx,
 *                  a 60,000-row xls and a province drop of 1,000,000 rows)
 * @param counties  counties in the province drop (4 files each)
 * @param xmx       the heap every run of the job gets
 * @param poiXmx    the heap of the POI user-model read, which needs far more
 * @param threads   threads of the parse-only passes: as many as the job stages with (one per core)
 * @param dir       where drops, warehouses, logs and results go
 * @param jar       the product jar the job runs from
 * @param repo      the repository root, for {@code jobs/} and {@code seeds/}
 */
record BenchSettings(double scale, int counties, String xmx, String poiXmx, int threads, Path dir, Path jar, Path repo) {

    static BenchSettings fromSystemProperties() {
        Path repo = Path.of(System.getProperty("bench.repo", ".")).toAbsolutePath().normalize();
        return new BenchSettings(
                Double.parseDouble(System.getProperty("bench.scale", "1")),
                Integer.parseInt(System.getProperty("bench.counties", "100")),
                System.getProperty("bench.xmx", "512m"),
                System.getProperty("bench.poi.xmx", "4g"),
                Runtime.getRuntime().availableProcessors(),
                repo.resolve(System.getProperty("bench.dir", "target/bench")),
                repo.resolve(System.getProperty("bench.jar", "target/ruralstat.jar")),
                repo);
    }

    int rows(int atFullScale) {
        return Math.max(1, (int) Math.round(atFullScale * scale));
    }

    boolean fullScale() {
        return scale >= 1 && counties >= 100;
    }
}

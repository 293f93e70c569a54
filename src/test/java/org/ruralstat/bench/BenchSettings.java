package org.ruralstat.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

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
 * @param heldOutCsv  a CSV return made elsewhere to use instead of the generated one ({@code -Dbench.csv=…}), or null
 * @param heldOutXlsx an xlsx return made elsewhere to use instead of the generated one ({@code -Dbench.xlsx=…}), or null
 * @param subject   the subject of the generated large CSV, xlsx and xls returns ({@code -Dbench.subject=…}): cadres by
 *                  default, or sanitation, income, employment
 * @param jvmOptions further options of every job run's JVM ({@code -Dbench.jvm.options="-XX:+UseSerialGC …"}, split at
 *                  spaces), so an operator can measure a launch of their own on the same drops; none by default
 */
record BenchSettings(double scale, int counties, String xmx, String poiXmx, int threads, Path dir, Path jar, Path repo,
                     Path heldOutCsv, Path heldOutXlsx, String subject, List<String> jvmOptions) {

    BenchSettings {
        jvmOptions = List.copyOf(jvmOptions);
        if (!BenchDropGenerator.SUBJECTS.contains(subject)) {
            throw new IllegalArgumentException("bench.subject must be one of " + BenchDropGenerator.SUBJECTS + ", not " + subject);
        }
    }

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
                repo, heldOut("bench.csv"), heldOut("bench.xlsx"), subjectProperty(),
                jvmOptions(System.getProperty("bench.jvm.options", "")));
    }

    /**
     * The options of {@code -Dbench.jvm.options}, split at white space. A heap size among them is refused: every run's
     * heap is {@code bench.xmx}, which the memory target names.
     */
    static List<String> jvmOptions(String value) {
        List<String> options = Arrays.stream(value.strip().split("\\s+")).filter(o -> !o.isEmpty()).toList();
        for (String option : options) {
            if (option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize")) {
                throw new IllegalArgumentException("bench.jvm.options may not set the heap (" + option + "): use -Dbench.xmx");
            }
            if (!option.startsWith("-")) {
                throw new IllegalArgumentException("bench.jvm.options takes JVM options only, not " + option);
            }
        }
        return options;
    }

    private static String subjectProperty() {
        String value = System.getProperty("bench.subject", "");
        return value.isBlank() ? "cadres" : value.trim();
    }

    private static Path heldOut(String property) {
        String value = System.getProperty(property, "");
        return value.isBlank() ? null : Path.of(value).toAbsolutePath().normalize();
    }

    /**
     * The submitter of a held-out file: {@code -Dbench.submitter}, else its folder's name when that is a
     * region code, as in a drop folder.
     */
    static String submitterOf(Path file) {
        String configured = System.getProperty("bench.submitter", "");
        String folder = file.getParent() == null ? "" : file.getParent().getFileName().toString();
        if (!configured.isBlank()) {
            return configured;
        }
        if (!folder.matches("\\d{6}(\\d{3}|\\d{6})?")) {
            throw new IllegalArgumentException(file + " is not in a folder named by its submitter's region code; "
                    + "set -Dbench.submitter=<code>");
        }
        return folder;
    }

    /** The options every job run's JVM gets from these settings, as a command line shows them: {@code -Xmx512m …}. */
    String jvmLine() {
        return String.join(" ", Stream.concat(Stream.of("-Xmx" + xmx), jvmOptions.stream()).toList());
    }

    int rows(int atFullScale) {
        return Math.max(1, (int) Math.round(atFullScale * scale));
    }

    boolean fullScale() {
        return scale >= 1 && counties >= 100;
    }
}

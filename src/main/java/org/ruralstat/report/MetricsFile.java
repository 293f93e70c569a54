package org.ruralstat.report;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Writes the run's metrics in the Prometheus text format (for node_exporter's textfile collector or any scraper of
 * files), replacing the previous file atomically: Micrometer's scrape of job and step timers, and the last run's outcome
 * as gauges without a run label, so no run adds a series.
 */
public final class MetricsFile {

    // weak keys: a LastRun holds only numbers, never its registry, so a registry that is closed (a finished run in a
    // process that starts several) is freed with its entry
    private static final java.util.Map<MeterRegistry, LastRun> LAST = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    /** The last run's outcome, read by the gauges; one per registry (the application's only one). */
    private static final class LastRun {
        final java.util.concurrent.atomic.AtomicInteger exitCode = new java.util.concurrent.atomic.AtomicInteger(-1);
        final java.util.concurrent.atomic.AtomicLong timestamp = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicInteger completed = new java.util.concurrent.atomic.AtomicInteger();
    }

    private MetricsFile() {
    }

    /** Records the run's outcome in the registry's gauges; call once a run ends. */
    public static void record(MeterRegistry registry, String status, int exitCode) {
        LastRun last = LAST.computeIfAbsent(registry, r -> {
            LastRun run = new LastRun();
            io.micrometer.core.instrument.Gauge.builder("ruralstat.last.run.exit.code", run.exitCode, Number::doubleValue)
                    .description("Exit code of the last run (0 completed)").register(r);
            io.micrometer.core.instrument.Gauge.builder("ruralstat.last.run.timestamp.seconds", run.timestamp, Number::doubleValue)
                    .description("When the last run ended").register(r);
            io.micrometer.core.instrument.Gauge.builder("ruralstat.last.run.completed", run.completed, Number::doubleValue)
                    .description("1 when the last run completed, 0 when it failed or was stopped").register(r);
            return run;
        });
        last.exitCode.set(exitCode);
        last.timestamp.set(Instant.now().getEpochSecond());
        last.completed.set("COMPLETED".equals(status) ? 1 : 0);
    }

    public static void write(Path file, MeterRegistry registry, String runId, String status, int exitCode) throws IOException {
        record(registry, status, exitCode);
        String text = registry instanceof io.micrometer.prometheusmetrics.PrometheusMeterRegistry prometheus
                ? prometheus.scrape() : "";
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

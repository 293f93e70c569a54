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
 * Writes the run's metrics in the Prometheus text format (for node_exporter's textfile collector or any
 * scraper of files), replacing the previous file atomically: job and step timers, and the last run's outcome.
 */
public final class MetricsFile {

    private MetricsFile() {
    }

    public static void write(Path file, MeterRegistry registry, String runId, String status, int exitCode) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# HELP ruralstat_last_run_exit_code Exit code of the last run (0 completed).\n")
                .append("# TYPE ruralstat_last_run_exit_code gauge\n")
                .append("ruralstat_last_run_exit_code{run_id=\"").append(runId).append("\",status=\"").append(status)
                .append("\"} ").append(exitCode).append('\n')
                .append("# TYPE ruralstat_last_run_timestamp_seconds gauge\n")
                .append("ruralstat_last_run_timestamp_seconds ").append(Instant.now().getEpochSecond()).append('\n');
        for (Meter meter : registry.getMeters()) {
            if (meter instanceof Timer timer && timer.count() > 0) {
                String name = timer.getId().getName().replace('.', '_');
                String labels = timer.getId().getTags().stream()
                        .map(tag -> tag.getKey().replace('.', '_') + "=\"" + escape(tag) + "\"")
                        .collect(Collectors.joining(",", "{", "}"));
                text.append(name).append("_seconds_count").append(labels).append(' ').append(timer.count()).append('\n');
                text.append(name).append("_seconds_sum").append(labels).append(' ')
                        .append(String.format(Locale.ROOT, "%.3f", timer.totalTime(TimeUnit.MILLISECONDS) / 1000.0)).append('\n');
            }
        }
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String escape(Tag tag) {
        return tag.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }
}

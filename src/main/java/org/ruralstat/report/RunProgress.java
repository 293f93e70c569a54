package org.ruralstat.report;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * What the files being staged right now have done: rows read, share of bytes read, speed. Written by the
 * staging threads, read by the {@link ProgressPrinter}; safe to use from any thread.
 */
@Component
public class RunProgress {

    private final Map<Long, Reading> active = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<FileProgress> finished = new ConcurrentLinkedQueue<>();

    /** A file starts; its reader tells rows read and share of bytes read whenever asked. */
    public synchronized void fileStarted(long key, String file, LongSupplier rowsRead, DoubleSupplier shareRead) {
        // the name is shown on terminals and in logs: personal numbers masked, control characters as codes
        active.put(key, new Reading(org.ruralstat.text.PersonalDataMasker.forLog(file), rowsRead, shareRead, System.nanoTime()));
    }

    public synchronized void fileFinished(long key, long rows, String status) {
        Reading reading = active.remove(key);
        if (reading != null) {
            finished.add(new FileProgress(reading.file(), rows, 1, reading.startedNanos(), System.nanoTime(), status));
        }
    }

    /** The files in progress as they are now, in the order they started. */
    public synchronized List<FileProgress> active() {
        List<FileProgress> now = new ArrayList<>();
        for (Reading reading : active.values()) {
            now.add(new FileProgress(reading.file(), reading.rowsRead().getAsLong(), Math.max(0, reading.shareRead().getAsDouble()),
                    reading.startedNanos(), System.nanoTime(), null));
        }
        return now;
    }

    private record Reading(String file, LongSupplier rowsRead, DoubleSupplier shareRead, long startedNanos) {
    }

    /** Files finished since the last call, each returned once. */
    public List<FileProgress> drainFinished() {
        List<FileProgress> drained = new ArrayList<>();
        for (FileProgress progress; (progress = finished.poll()) != null; ) {
            drained.add(progress);
        }
        return drained;
    }

    /**
     * One file's progress.
     *
     * @param shareRead share of the file's bytes read, 0 to 1 (0 when unknown)
     * @param status    null while in progress, else how the staging step ended
     */
    public record FileProgress(String file, long rows, double shareRead, long startedNanos, long updatedNanos,
                               String status) {

        public double seconds() {
            return (updatedNanos - startedNanos) / 1e9;
        }

        public double rowsPerSecond() {
            return seconds() <= 0 ? 0 : rows / seconds();
        }

        /** Estimated seconds left from the share of bytes read so far, or -1 when it cannot be told yet. */
        public double secondsLeft() {
            return shareRead <= 0.01 || shareRead >= 1 ? -1 : seconds() * (1 - shareRead) / shareRead;
        }

        /** One line for a person: file, rows, share, speed, time left or total time. */
        public String describe() {
            StringBuilder line = new StringBuilder(String.format("%-40s %,10d rows", abbreviate(file, 40), rows));
            if (status == null) {
                line.append(String.format(" %4s %,9.0f rows/s", shareRead > 0 ? Math.round(shareRead * 100) + "%" : "", rowsPerSecond()));
                double left = secondsLeft();
                line.append(left < 0 ? "" : String.format("  ~%.0f s left", Math.ceil(left)));
            } else {
                line.append(String.format(" in %.1f s (%,.0f rows/s) %s", seconds(), rowsPerSecond(), status));
            }
            return line.toString();
        }

        private static String abbreviate(String text, int width) {
            return text.length() <= width ? text : "…" + text.substring(text.length() - width + 1);
        }
    }
}

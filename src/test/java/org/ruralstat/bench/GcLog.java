package org.ruralstat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from a unified JVM log written with {@code -Xlog:gc,gc+heap+exit:file=…}: the peak heap in
 * use (the largest occupancy before a collection, or at exit), the largest heap still live after a
 * collection, and the number of collections. The peak is a lower bound between two log lines, exact at
 * collections, which is when the heap is fullest.
 */
record GcLog(long peakUsedKb, long maxLiveKb, long committedKb, int collections) {

    /** {@code GC(3) Pause Young (Normal) (G1 Evacuation Pause) 25M->4M(512M) 3.1ms} */
    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause .*? (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    /** {@code  garbage-first heap   total 524288K, used 123456K [0x…} (one line per generation elsewhere) */
    private static final Pattern EXIT = Pattern.compile("(?:heap|generation)\\s+total (\\d+)K, used (\\d+)K");

    static GcLog parse(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new GcLog(-1, -1, -1, 0);
        }
        List<String> lines = Files.readAllLines(file);
        long peak = 0;
        long live = 0;
        long committed = 0;
        int collections = 0;
        long exitUsed = 0;
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                collections++;
                peak = Math.max(peak, kb(pause.group(1), pause.group(2)));
                live = Math.max(live, kb(pause.group(3), pause.group(4)));
                committed = Math.max(committed, kb(pause.group(5), pause.group(6)));
                continue;
            }
            Matcher exit = EXIT.matcher(line);
            if (line.contains("gc,heap,exit") && exit.find()) {
                exitUsed += Long.parseLong(exit.group(2));
                committed = Math.max(committed, Long.parseLong(exit.group(1)));
            }
        }
        return new GcLog(Math.max(peak, exitUsed), live, committed, collections);
    }

    private static long kb(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "G" -> n * 1024 * 1024;
            case "M" -> n * 1024;
            default -> n;
        };
    }
}

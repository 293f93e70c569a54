package org.ruralstat.discover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether a dropped file has settled: a file modified within the quiet period may still be
 * being copied, so it is left for the next run rather than half-read.
 */
public final class FileReadiness {

    private final Duration quietPeriod;
    private final Clock clock;

    public FileReadiness(Duration quietPeriod, Clock clock) {
        this.quietPeriod = quietPeriod;
        this.clock = clock;
    }

    public Duration quietPeriod() {
        return quietPeriod;
    }

    /** True when the file was last modified at least the quiet period ago (a future time counts as recent). */
    public boolean isSettled(DiscoveredFile file) {
        Instant now = clock.instant();
        return !file.lastModified().isAfter(now.minus(quietPeriod));
    }
}

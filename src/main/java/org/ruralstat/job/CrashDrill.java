package org.ruralstat.job;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points of a run where a crash drill can hold it, so that a test kills the process exactly there.
 * Inert unless the environment variable {@code RURALSTAT_DRILL_PAUSE_AT} names a point
 * ({@code reading}, {@code staged}, {@code publishing}, {@code snapshot}), optionally with {@code :N} to hold
 * at its N-th arrival. Holding means printing {@code ruralstat drill: paused at <point>} and sleeping, for ever
 * or for {@code RURALSTAT_DRILL_HOLD} (a duration such as {@code 3s}), after which the run carries on.
 */
public final class CrashDrill {

    public static final String READING = "reading";
    public static final String STAGED = "staged";
    public static final String PUBLISHING = "publishing";
    public static final String SNAPSHOT = "snapshot";

    private static final String POINT;
    private static final int ARRIVAL;
    private static final long HOLD_MILLIS;
    private static final AtomicInteger arrivals = new AtomicInteger();

    static {
        String setting = System.getenv("RURALSTAT_DRILL_PAUSE_AT");
        if (setting == null || setting.isBlank()) {
            POINT = null;
            ARRIVAL = 0;
        } else {
            String[] parts = setting.trim().toLowerCase(Locale.ROOT).split(":", 2);
            POINT = parts[0];
            ARRIVAL = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        }
        String hold = System.getenv("RURALSTAT_DRILL_HOLD");
        HOLD_MILLIS = hold == null || hold.isBlank() ? Long.MAX_VALUE
                : org.springframework.boot.convert.DurationStyle.detectAndParse(hold).toMillis();
    }

    private CrashDrill() {
    }

    /** Holds the calling thread forever if the drill names this point and this is the arrival it waits for. */
    public static void reach(String point) {
        if (POINT == null || !POINT.equals(point) || arrivals.incrementAndGet() != ARRIVAL) {
            return;
        }
        System.out.println("ruralstat drill: paused at " + point);
        System.out.flush();
        try {
            Thread.sleep(HOLD_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

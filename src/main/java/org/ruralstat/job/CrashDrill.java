package org.ruralstat.job;

import org.ruralstat.stage.StagingLines;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points of a run where a crash drill holds it, so that a test kills the process exactly there. Off unless the
 * setting {@code ruralstat.drill.pause-at} (RURALSTAT_DRILL_PAUSE_AT) names a point ({@code reading}, {@code staged},
 * {@code publishing}, {@code snapshot}), optionally with {@code :N} to hold at its N-th arrival; when off, none of
 * its listeners is registered. Holding means printing {@code ruralstat drill: paused at <point>} and sleeping, for
 * ever or for {@code ruralstat.drill.hold} (a duration such as {@code 3s}), after which the run carries on.
 */
@Component
public class CrashDrill {

    static final String READING = "reading";
    static final String STAGED = "staged";
    static final String PUBLISHING = "publishing";
    static final String SNAPSHOT = "snapshot";

    private final String point;
    private final int arrival;
    private final long holdMillis;
    private final AtomicInteger arrivals = new AtomicInteger();

    CrashDrill(@Value("${ruralstat.drill.pause-at:}") String pauseAt, @Value("${ruralstat.drill.hold:}") String hold) {
        if (pauseAt == null || pauseAt.isBlank()) {
            point = null;
            arrival = 0;
        } else {
            String[] parts = pauseAt.trim().toLowerCase(Locale.ROOT).split(":", 2);
            point = parts[0];
            arrival = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        }
        holdMillis = hold == null || hold.isBlank() ? Long.MAX_VALUE : DurationStyle.detectAndParse(hold).toMillis();
    }

    /** True when a drill is set: only then are its listeners registered. */
    boolean isOn() {
        return point != null;
    }

    /** Holds the calling thread if the drill names this point and this is the arrival it waits for. */
    void reach(String point) {
        if (this.point == null || !this.point.equals(point) || arrivals.incrementAndGet() != arrival) {
            return;
        }
        System.out.println("ruralstat drill: paused at " + point);
        System.out.flush();
        try {
            Thread.sleep(holdMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code reading}: after each chunk of a file is written to staging. */
    ItemWriteListener<StagingLines> whileReading() {
        return new ItemWriteListener<>() {
            @Override
            public void afterWrite(Chunk<? extends StagingLines> items) {
                reach(READING);
            }
        };
    }

    /** {@code staged}: once every file is staged, before the set rules are checked. */
    StepExecutionListener onceStaged() {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                reach(STAGED);
            }
        };
    }
}

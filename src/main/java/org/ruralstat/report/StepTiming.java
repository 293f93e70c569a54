package org.ruralstat.report;

import java.time.Duration;
import java.util.Objects;

/**
 * The time one step took in a run. The partitions of a partitioned step ({@code stageSubmissionStep:partition3})
 * are one timing: their durations summed, the longest kept, their counts added.
 *
 * @param name       the step's name, without the partition suffix
 * @param status     COMPLETED, FAILED…; FAILED when any partition failed
 * @param duration   the time taken (summed over partitions, which ran in parallel)
 * @param longest    the longest single partition; equal to duration for a plain step
 * @param partitions how many partitions; 0 for a plain step
 * @param read       items read
 * @param written    items written
 */
record StepTiming(String name, String status, Duration duration, Duration longest, int partitions, long read, long written) {

    StepTiming {
        Objects.requireNonNull(name, "name");
        status = status == null ? "UNKNOWN" : status;
        duration = duration == null ? Duration.ZERO : duration;
        longest = longest == null ? duration : longest;
    }

    boolean failed() {
        return status.equals("FAILED");
    }

    /** This timing and another partition of the same step, as one. */
    StepTiming plus(StepTiming other) {
        String worst = failed() || other.failed() ? "FAILED" : status.equals(other.status) ? status : other.status;
        return new StepTiming(name, worst, duration.plus(other.duration),
                longest.compareTo(other.longest) >= 0 ? longest : other.longest,
                partitions + other.partitions, read + other.read, written + other.written);
    }
}

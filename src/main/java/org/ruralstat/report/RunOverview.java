package org.ruralstat.report;

import org.ruralstat.text.PersonalDataMasker;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the job execution itself says about a run: its id, status, times, each step's timing and why it failed.
 * Failure messages are scrubbed of ID and phone numbers, shortened and de-duplicated, at most ten.
 *
 * @param runId    the job parameter {@code run.id}, e.g. 20261123T110453.487
 * @param status   COMPLETED, FAILED, STOPPED…
 * @param start    when the run started, or null
 * @param end      when it ended, or null
 * @param steps    in the order they started; partitions folded into one timing per step
 * @param failures why the run failed, for people (empty when it did not)
 */
record RunOverview(String runId, String status, LocalDateTime start, LocalDateTime end, List<StepTiming> steps,
                   List<String> failures) {

    static final int MAX_FAILURES = 10;
    static final int MAX_FAILURE_LENGTH = 600;

    RunOverview {
        steps = List.copyOf(steps);
        failures = failures.stream()
                .map(PersonalDataMasker::scrub)
                .map(m -> m.length() > MAX_FAILURE_LENGTH ? m.substring(0, MAX_FAILURE_LENGTH) + "…" : m)
                .distinct()
                .limit(MAX_FAILURES)
                .toList();
    }

    static RunOverview of(JobExecution execution) {
        String runId = execution.getJobParameters().getString("run.id");
        if (runId == null || runId.isBlank()) {
            runId = "execution-" + execution.getId();
        }
        return new RunOverview(runId, execution.getStatus().name(), execution.getStartTime(), execution.getEndTime(),
                timings(execution.getStepExecutions()), failures(execution.getAllFailureExceptions()));
    }

    boolean completed() {
        return status.equals("COMPLETED");
    }

    Duration duration() {
        return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
    }

    List<String> failedSteps() {
        return steps.stream().filter(StepTiming::failed).map(StepTiming::name).toList();
    }

    private static List<StepTiming> timings(Iterable<StepExecution> executions) {
        List<StepExecution> ordered = new ArrayList<>();
        executions.forEach(ordered::add);
        ordered.sort(Comparator.comparing(StepExecution::getStartTime, Comparator.nullsLast(Comparator.naturalOrder())));
        Map<String, StepTiming> byName = new LinkedHashMap<>();
        for (StepExecution step : ordered) {
            int colon = step.getStepName().indexOf(':');
            String name = colon < 0 ? step.getStepName() : step.getStepName().substring(0, colon);
            Duration took = step.getStartTime() == null || step.getEndTime() == null ? Duration.ZERO
                    : Duration.between(step.getStartTime(), step.getEndTime());
            StepTiming timing = new StepTiming(name, step.getStatus().name(), took, took, colon < 0 ? 0 : 1,
                    step.getReadCount(), step.getWriteCount());
            byName.merge(name, timing, StepTiming::plus);
        }
        return List.copyOf(byName.values());
    }

    private static List<String> failures(List<Throwable> exceptions) {
        List<String> messages = new ArrayList<>();
        for (Throwable exception : exceptions) {
            Throwable root = exception;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            messages.add(describe(exception) + (root == exception ? "" : " ← " + describe(root)));
        }
        return messages;
    }

    private static String describe(Throwable exception) {
        String message = exception.getMessage();
        return exception.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }
}

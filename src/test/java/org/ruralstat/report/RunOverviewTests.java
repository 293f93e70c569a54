package org.ruralstat.report;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** A run as its job execution tells it: partitions folded into their step, failures named and masked. */
class RunOverviewTests {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 23, 11, 4, 53);

    private static JobExecution execution(String runId) {
        JobExecution execution = new JobExecution(1, new JobInstance(1, "ingestJob"),
                new JobParametersBuilder().addString("run.id", runId).toJobParameters());
        execution.setStartTime(T0);
        execution.setEndTime(T0.plusSeconds(30));
        return execution;
    }

    private static void step(JobExecution execution, long id, String name, BatchStatus status, int startSecond, int seconds) {
        StepExecution step = new StepExecution(id, name, execution);
        step.setStartTime(T0.plusSeconds(startSecond));
        step.setEndTime(T0.plusSeconds(startSecond + seconds));
        step.setStatus(status);
        step.setReadCount(seconds * 10L);
        execution.addStepExecution(step);
    }

    @Test
    void partitionsAreOneTimingWithTheirDurationsSummedAndTheLongestKept() {
        JobExecution execution = execution("20261123T110453.487");
        step(execution, 1, "discoverSubmissionsStep", BatchStatus.COMPLETED, 0, 1);
        step(execution, 2, "stageSubmissionsStep", BatchStatus.COMPLETED, 1, 9);
        step(execution, 3, "stageSubmissionStep:partition0", BatchStatus.COMPLETED, 2, 3);
        step(execution, 4, "stageSubmissionStep:partition1", BatchStatus.COMPLETED, 2, 5);
        step(execution, 5, "publishSnapshotStep", BatchStatus.COMPLETED, 12, 2);
        execution.setStatus(BatchStatus.COMPLETED);

        RunOverview run = RunOverview.of(execution);

        assertThat(run.runId()).isEqualTo("20261123T110453.487");
        assertThat(run.completed()).isTrue();
        assertThat(run.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(run.steps()).extracting(StepTiming::name).containsExactly(
                "discoverSubmissionsStep", "stageSubmissionsStep", "stageSubmissionStep", "publishSnapshotStep");
        assertThat(run.steps().get(2)).isEqualTo(new StepTiming("stageSubmissionStep", "COMPLETED",
                Duration.ofSeconds(8), Duration.ofSeconds(5), 2, 80, 0));
        assertThat(run.failures()).isEmpty();
    }

    @Test
    void aFailedRunNamesTheFailedStepAndMasksIdNumbersInTheMessages() {
        JobExecution execution = execution("20261123T110453.487");
        step(execution, 1, "stageSubmissionStep:partition0", BatchStatus.COMPLETED, 0, 1);
        step(execution, 2, "stageSubmissionStep:partition1", BatchStatus.FAILED, 0, 2);
        execution.setStatus(BatchStatus.FAILED);
        execution.addFailureException(new IllegalStateException("cannot stage row of 22240119900101123X",
                new java.io.IOException("disk full")));

        RunOverview run = RunOverview.of(execution);

        assertThat(run.completed()).isFalse();
        assertThat(run.failedSteps()).containsExactly("stageSubmissionStep");
        assertThat(run.failures()).containsExactly(
                "IllegalStateException: cannot stage row of 222401********23X ← IOException: disk full");
    }

    @Test
    void aRunWithoutRunIdIsNamedAfterItsExecution() {
        JobExecution execution = new JobExecution(42, new JobInstance(1, "ingestJob"), new JobParametersBuilder().toJobParameters());
        execution.setStatus(BatchStatus.FAILED);
        assertThat(RunOverview.of(execution).runId()).isEqualTo("execution-42");
        assertThat(RunOverview.of(execution).duration()).isZero();
    }
}

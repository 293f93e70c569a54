package org.ruralstat.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

import java.util.List;
import java.util.Optional;

/**
 * The night the next run restarts instead of starting a new one: the newest job instance of this warehouse, when its
 * last execution failed, was stopped, or was killed (recovered as failed), and it has run fewer than
 * {@link #MAX_EXECUTIONS} times. A night that keeps failing is left after that, so a fault that outlives a restart
 * never holds every later night under one old run id.
 */
final class UnfinishedNight {

    /** Executions of one night at most: the first and two restarts. */
    static final int MAX_EXECUTIONS = 3;

    /** How many of the repository's newest instances are searched for this warehouse's (others may share it). */
    private static final int NEWEST_INSTANCES = 50;

    private UnfinishedNight() {
    }

    /** The last execution of this warehouse's unfinished night, to restart; empty when the newest night is settled. */
    static Optional<JobExecution> of(JobRepository repository, String warehouse) {
        List<JobInstance> newest = repository.getJobInstances(IngestJobConfiguration.JOB_NAME, 0, NEWEST_INSTANCES);
        for (JobInstance instance : newest) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last == null || !warehouse.equals(last.getJobParameters().getString("warehouse"))) {
                continue;
            }
            boolean unfinished = last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED;
            if (unfinished && repository.getJobExecutions(instance).size() < MAX_EXECUTIONS) {
                return Optional.of(last);
            }
            return Optional.empty();
        }
        return Optional.empty();
    }
}

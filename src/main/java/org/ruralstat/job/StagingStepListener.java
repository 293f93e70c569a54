package org.ruralstat.job;

import org.ruralstat.stage.StagingItemWriter;
import org.ruralstat.warehouse.SubmissionLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.sql.SQLException;

/**
 * Around one submission's staging: clears what an interrupted attempt left before it starts, and once every row is
 * staged, settles the submission: in the warehouse, marks it staged with the subject and format the reader found; on
 * a worker, hands its rows over to the manager ({@link WorkerHandOver}).
 */
class StagingStepListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StagingStepListener.class);

    /** What clears a submission's staging before an attempt, and what settles it once every row is staged. */
    interface Ends {
        void clear(StepExecution step) throws SQLException;

        void settle(StepExecution step) throws SQLException;
    }

    private final Ends ends;
    private final StagingItemWriter writer;

    /** Staging into the warehouse itself, on this process's threads. */
    StagingStepListener(SubmissionLedger ledger, StagingItemWriter writer) {
        this(new Ends() {
            @Override
            public void clear(StepExecution step) throws SQLException {
                ledger.clearStaging(step.getExecutionContext().getLong("submissionId"));
            }

            @Override
            public void settle(StepExecution step) throws SQLException {
                var context = step.getExecutionContext();
                ledger.markStaged(context.getLong("submissionId"), context.getString("format", null),
                        context.getString("subject", null));
            }
        }, writer);
    }

    StagingStepListener(Ends ends, StagingItemWriter writer) {
        this.ends = ends;
        this.writer = writer;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        try {
            ends.clear(stepExecution);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear staging", e);
        }
    }

    /**
     * Spring Batch logs an exception thrown here and keeps the step completed, so a failure is reported by failing
     * the step instead: the submission stays received, the next run stages it again, and this run exits non-zero.
     */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() != BatchStatus.COMPLETED) {
            return stepExecution.getExitStatus();
        }
        long submissionId = stepExecution.getExecutionContext().getLong("submissionId");
        if (!writer.isFullyLoaded()) {
            // Not expected: the writer loads what it holds once the reader has ended.
            return failed(stepExecution, "Submission " + submissionId
                    + " was read to its end but not all its rows reached staging; it stays received", null);
        }
        try {
            ends.settle(stepExecution);
        } catch (SQLException | RuntimeException e) {
            return failed(stepExecution, "Cannot settle the staging of submission " + submissionId + "; it stays received", e);
        }
        return stepExecution.getExitStatus();
    }

    private static ExitStatus failed(StepExecution stepExecution, String message, Exception cause) {
        log.error(message, cause);
        stepExecution.setStatus(BatchStatus.FAILED);
        IllegalStateException failure = new IllegalStateException(message, cause);
        stepExecution.addFailureException(failure);
        return ExitStatus.FAILED.addExitDescription(failure);
    }
}

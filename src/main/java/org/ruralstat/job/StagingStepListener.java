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
 * Around one submission's staging: clears what an interrupted attempt left before it starts, and marks the
 * submission staged, with the subject and format the reader found, once every row is in the warehouse.
 */
class StagingStepListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StagingStepListener.class);

    private final SubmissionLedger ledger;
    private final StagingItemWriter writer;

    StagingStepListener(SubmissionLedger ledger, StagingItemWriter writer) {
        this.ledger = ledger;
        this.writer = writer;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        try {
            ledger.clearStaging(stepExecution.getExecutionContext().getLong("submissionId"));
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
        var context = stepExecution.getExecutionContext();
        long submissionId = context.getLong("submissionId");
        if (!writer.isFullyLoaded()) {
            // Not expected: the writer loads what it holds once the reader has ended.
            return failed(stepExecution, "Submission " + submissionId
                    + " was read to its end but not all its rows reached staging; it stays received", null);
        }
        try {
            ledger.markStaged(submissionId, context.getString("format", null), context.getString("subject", null));
        } catch (SQLException e) {
            return failed(stepExecution, "Cannot mark submission " + submissionId + " staged; it stays received", e);
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

package org.ruralstat.job;

import org.ruralstat.warehouse.StagingItemWriter;
import org.ruralstat.warehouse.SubmissionLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
            if (!writer.isFullyLoaded()) {
                // Not expected: the writer loads once the reader has ended. The submission stays received and is
                // staged again by the next run; the step fails so this run exits non-zero.
                stepExecution.setStatus(org.springframework.batch.core.BatchStatus.FAILED);
                log.error("Submission {} was read to its end but not all its rows reached staging; it stays received",
                        stepExecution.getExecutionContext().getLong("submissionId"));
                return ExitStatus.FAILED;
            }
            var context = stepExecution.getExecutionContext();
            try {
                ledger.markStaged(context.getLong("submissionId"), context.getString("format", null),
                        context.getString("subject", null));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot mark the submission staged", e);
            }
        }
        return stepExecution.getExitStatus();
    }
}

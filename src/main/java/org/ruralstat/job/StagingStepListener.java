package org.ruralstat.job;

import org.ruralstat.warehouse.SubmissionLedger;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.sql.SQLException;

/**
 * Around one submission's staging: clears what an interrupted attempt left before it starts, and marks the
 * submission staged, with the subject and format the reader found, once every row is written.
 */
class StagingStepListener implements StepExecutionListener {

    private final SubmissionLedger ledger;

    StagingStepListener(SubmissionLedger ledger) {
        this.ledger = ledger;
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

package org.ruralstat.job;

import org.ruralstat.feedback.BureauReceipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.util.Set;
import java.util.TreeSet;

/**
 * After the feedback step's partitions: the index page of every bureau that got a new 回执 in this run, made once,
 * and the count of workbooks written.
 */
class ReceiptsIndexListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ReceiptsIndexListener.class);

    private final Workspaces workspaces;
    private final String partitionStep;

    ReceiptsIndexListener(Workspaces workspaces, String partitionStep) {
        this.workspaces = workspaces;
        this.partitionStep = partitionStep;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        Set<String> touched = new TreeSet<>();
        long written = 0;
        for (StepExecution partition : stepExecution.getJobExecution().getStepExecutions()) {
            if (partition.getStepName().startsWith(partitionStep + ":") && partition.getWriteCount() > 0) {
                written += partition.getWriteCount();
                String submitters = partition.getExecutionContext().getString("submitterCodes", "");
                for (String submitter : submitters.split(",")) {
                    if (!submitter.isBlank()) {
                        touched.add(submitter);
                    }
                }
            }
        }
        if (!touched.isEmpty()) {
            Workspace run = workspaces.current();
            try {
                new BureauReceipts(run.warehouse(), run.folders().receipts()).index(touched);
            } catch (Exception e) {
                log.warn("Could not write the receipts index of {} bureau(s): {}", touched.size(), e.toString());
            }
        }
        log.info("Wrote {} feedback workbook(s)", written);
        return null;
    }
}

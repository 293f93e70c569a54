package org.ruralstat.job;

import org.ruralstat.warehouse.PendingSubmission;
import org.ruralstat.warehouse.SubmissionLedger;
import org.ruralstat.warehouse.SubmissionStatus;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One partition per submission waiting for a step (to be staged, checked, or given its 回执), so files are read,
 * checked and answered in parallel and fail alone. A partition names
 * its submission by id, never by file: the job repository keeps partitions' contexts, and a file may be named after a
 * person.
 */
class SubmissionPartitioner implements Partitioner {

    /** The submissions a step is to work on, from the ledger. */
    @FunctionalInterface
    interface Pending {
        List<PendingSubmission> submissions() throws SQLException;
    }

    private final Pending pending;

    SubmissionPartitioner(Pending pending) {
        this.pending = pending;
    }

    /** The submissions of the ledger in a status. */
    static SubmissionPartitioner inStatus(SubmissionLedger ledger, Path input, SubmissionStatus status) {
        return new SubmissionPartitioner(() -> ledger.inStatus(status, input));
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        try {
            for (PendingSubmission pending : this.pending.submissions()) {
                ExecutionContext context = new ExecutionContext();
                context.putLong("submissionId", pending.submissionId());
                context.putString("submitterCode", pending.submitterCode());
                partitions.put("submission-" + pending.submissionId(), context);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger", e);
        }
        return partitions;
    }
}

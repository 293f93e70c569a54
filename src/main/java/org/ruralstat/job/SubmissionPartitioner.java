package org.ruralstat.job;

import org.ruralstat.warehouse.PendingSubmission;
import org.ruralstat.warehouse.SubmissionLedger;
import org.ruralstat.warehouse.SubmissionStatus;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One partition per submission in a status (waiting to be staged, or staged and waiting to be checked), so files
 * are read and checked in parallel and fail alone. A partition names
 * its submission by id, never by file: the job repository keeps partitions' contexts, and a file may be named after a
 * person.
 */
class SubmissionPartitioner implements Partitioner {

    private final SubmissionLedger ledger;
    private final Path input;
    private final SubmissionStatus status;

    SubmissionPartitioner(SubmissionLedger ledger, Path input, SubmissionStatus status) {
        this.ledger = ledger;
        this.input = input;
        this.status = status;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        try {
            for (PendingSubmission pending : ledger.inStatus(status, input)) {
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

package org.ruralstat.job;

import org.ruralstat.warehouse.PendingSubmission;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One partition per submission waiting to be staged, so files are read in parallel and fail alone; or, for the steps
 * that work set by set (the checks, the 回执), one partition per group of submissions.
 * A partition names its submissions by id, never by file: the job repository keeps partitions' contexts, and a file
 * may be named after a person.
 */
class SubmissionPartitioner implements Partitioner {

    /** The submissions a step is to work on, from the ledger. */
    @FunctionalInterface
    interface Pending {
        List<PendingSubmission> submissions() throws SQLException;
    }

    /** Submissions in one group partition, at most. */
    static final int MAX_GROUP = 500;

    private final Pending pending;
    private final int maxGroup;

    SubmissionPartitioner(Pending pending) {
        this(pending, 0);
    }

    private SubmissionPartitioner(Pending pending, int maxGroup) {
        this.pending = pending;
        this.maxGroup = maxGroup;
    }

    /**
     * Groups of submissions in id order, {@code submissionIds} and {@code submitterCodes} in each context: as many
     * groups as the grid (the step's threads) asks for, more when a group would hold more than {@code maxGroup}.
     */
    static SubmissionPartitioner grouped(Pending pending, int maxGroup) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("a group holds at least one submission");
        }
        return new SubmissionPartitioner(pending, maxGroup);
    }

    /** The ids of a group partition's context. */
    static List<Long> ids(String submissionIds) {
        return submissionIds == null || submissionIds.isBlank() ? List.of()
                : java.util.Arrays.stream(submissionIds.split(",")).map(Long::valueOf).toList();
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        try {
            if (maxGroup > 0) {
                return groups(this.pending.submissions(), gridSize);
            }
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

    private Map<String, ExecutionContext> groups(List<PendingSubmission> submissions, int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int size = Math.min(maxGroup, Math.max(1, (submissions.size() + Math.max(1, gridSize) - 1) / Math.max(1, gridSize)));
        for (int from = 0; from < submissions.size(); from += size) {
            List<PendingSubmission> group = submissions.subList(from, Math.min(submissions.size(), from + size));
            ExecutionContext context = new ExecutionContext();
            context.putString("submissionIds", String.join(",",
                    group.stream().map(p -> Long.toString(p.submissionId())).toList()));
            context.putString("submitterCodes", String.join(",",
                    group.stream().map(PendingSubmission::submitterCode).distinct().toList()));
            partitions.put("submissions-" + group.get(0).submissionId(), context);
        }
        return partitions;
    }
}

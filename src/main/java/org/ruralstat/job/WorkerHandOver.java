package org.ruralstat.job;

import org.ruralstat.stage.StagedRowsHandOver;
import org.ruralstat.warehouse.Folders;
import org.ruralstat.warehouse.Warehouse;
import org.springframework.batch.core.step.StepExecution;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The ends of a partition's staging on a worker: refuses a partition from a manager whose seeds or cadre key differ
 * from the worker's (its rows would not be the ones the manager would stage), clears what an earlier attempt left in
 * the worker's own DuckDB file, and once every row is staged there hands the submission's rows over to the manager
 * through the exchange folder, with their counts in the partition's context.
 */
class WorkerHandOver implements StagingStepListener.Ends {

    private final Warehouse own;
    private final StagedRowsHandOver handOver;
    private final String compatibility;
    private final Path ownExchange;

    WorkerHandOver(Warehouse own, StagedRowsHandOver handOver, String compatibility, Path ownExchange) {
        this.own = own;
        this.handOver = handOver;
        this.compatibility = compatibility;
        this.ownExchange = ownExchange;
    }

    @Override
    public void clear(StepExecution step) throws SQLException {
        var context = step.getExecutionContext();
        if (!compatibility.equals(context.getString(RemoteStaging.COMPATIBILITY, ""))) {
            throw new IllegalStateException("this worker's seeds or cadre key secret differ from the manager's: give "
                    + "every process the same seeds and RURALSTAT_CADRE_KEY_SECRET");
        }
        context.remove(RemoteStaging.HANDED_OVER);
        handOver.clear(own, context.getLong("submissionId"));
        Folders.delete(staged(step));
    }

    @Override
    public void settle(StepExecution step) throws SQLException {
        var context = step.getExecutionContext();
        var counts = handOver.export(own, context.getLong("submissionId"), staged(step));
        context.putString(RemoteStaging.HANDED_OVER, RemoteStaging.counts(counts));
    }

    private Path staged(StepExecution step) {
        var context = step.getExecutionContext();
        return RemoteStaging.submissionFolder(RemoteStaging.runFolder(context.getString(RemoteStaging.EXCHANGE), ownExchange),
                context.getLong("submissionId")).resolve("staged");
    }
}

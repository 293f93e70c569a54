package org.ruralstat.job;

import org.ruralstat.normalize.CadreKeyHasher;
import org.ruralstat.stage.StagingLineItemProcessor;
import org.ruralstat.warehouse.SubmissionLedger;
import org.ruralstat.warehouse.Warehouse;

import java.sql.SQLException;

/**
 * What one run has open on its folders: the warehouse (opened on first use), its ledger, the cadre key (from the
 * setting, or the key file in the warehouse), and the row processor that validates with that key. Made by
 * {@link Workspaces#open} when a run starts and closed when it ends.
 *
 * @param compatibility what a worker must share with this manager to stage a file as it would: the seeds and the
 *                      cadre key (an HMAC of a fixed text, which tells nothing of the secret)
 */
public record Workspace(RunFolders folders, Warehouse warehouse, SubmissionLedger ledger, CadreKeyHasher hasher,
                        StagingLineItemProcessor rows, String compatibility) implements AutoCloseable {

    @Override
    public void close() throws SQLException {
        warehouse.close();
    }
}

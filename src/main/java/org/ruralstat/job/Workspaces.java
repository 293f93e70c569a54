package org.ruralstat.job;

import org.ruralstat.normalize.CadreKeyHasher;
import org.ruralstat.reference.ReferenceData;
import org.ruralstat.stage.StagingLineItemProcessor;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.validate.RowValidationItemProcessor;
import org.ruralstat.validate.RuleCatalog;
import org.ruralstat.warehouse.SubmissionLedger;
import org.ruralstat.warehouse.Warehouse;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.SQLException;

/**
 * The run this process is working on. The application itself is bound to no folder: a command opens its run's
 * {@link RunFolders} here, the job's steps take the open {@link Workspace} when they execute, and the command closes
 * it when the run ends. One run at a time, as the warehouse lock already has it for a warehouse: a second
 * {@link #open} while one is open is refused.
 */
@Component
public class Workspaces {

    private final RuralstatProperties properties;
    private final SubjectCatalog subjects;
    private final ReferenceData reference;
    private final RuleCatalog rules;
    private final String seedFingerprint;
    private volatile Workspace current;

    Workspaces(RuralstatProperties properties, SubjectCatalog subjects, ReferenceData reference, RuleCatalog rules,
               ReferenceConfiguration.SeedFingerprint fingerprint) {
        this.properties = properties;
        this.subjects = subjects;
        this.reference = reference;
        this.rules = rules;
        this.seedFingerprint = fingerprint.value();
    }

    /** Opens a run's folders: the warehouse is opened on first use, the cadre key read (or made) now. */
    public synchronized Workspace open(RunFolders folders) throws IOException {
        if (current != null) {
            throw new IllegalStateException("this process is already running on " + current.folders().warehouse()
                    + "; one run at a time");
        }
        CadreKeyHasher hasher = new CadreKeyHasher(CadreKeySecret.load(properties.cadreKeySecret(), folders.warehouse()));
        Warehouse warehouse = new Warehouse(folders.warehouse(), properties.duckdbMemoryLimit());
        current = new Workspace(folders, warehouse, new SubmissionLedger(warehouse, subjects.all()), hasher,
                new StagingLineItemProcessor(new RowValidationItemProcessor(reference, rules, hasher), warehouse),
                seedFingerprint + "/" + hasher.cadreKey("ruralstat worker check"));
        return current;
    }

    /** The open run's workspace (read on every row: not synchronized); a step executed with none open is a bug. */
    public Workspace current() {
        Workspace open = current;
        if (open == null) {
            throw new IllegalStateException("no run is open: a command opens its folders (Workspaces.open) first");
        }
        return open;
    }

    /** The open run's workspace, if a run is open (a stop request between two nights finds none). */
    public java.util.Optional<Workspace> ifOpen() {
        return java.util.Optional.ofNullable(current);
    }

    /** Closes a workspace this caller opened: its warehouse's connections end here, and another run may open. */
    public synchronized void close(Workspace opened) throws SQLException {
        if (current == opened) {
            current = null;
        }
        opened.close();
    }
}

package org.ruralstat.warehouse;


import org.ruralstat.subject.SubjectDefinition;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ledger of files received ({@code etl_submission}) and of what each run saw ({@code etl_run_file}).
 * A submission moves received → staged → loaded, loaded_with_warnings or rejected; the intermediate states
 * let a run that died be finished by the next one.
 */
public final class SubmissionLedger {


    private final Warehouse warehouse;
    private final List<String> stagingTables;

    public SubmissionLedger(Warehouse warehouse, List<SubjectDefinition> subjects) {
        this.warehouse = warehouse;
        List<String> tables = new ArrayList<>(subjects.stream().map(SubjectDefinition::stagingTable).toList());
        tables.add("stg_row");
        tables.add("stg_total");
        tables.add("stg_key");
        tables.add("stg_prior");
        tables.add("stg_column");
        tables.add("stg_justification");
        this.stagingTables = List.copyOf(tables);
    }

    /** Discovery's writes for one run, on one connection (see {@link LedgerIntake}); finish, then close it. */
    public LedgerIntake intake(String runId) throws SQLException {
        return new LedgerIntake(warehouse, runId);
    }

    /** The submission's file below the input folder, as the drop has it. */
    public Path file(long submissionId, Path inputRoot) throws SQLException {
        try (Connection c = warehouse.connect()) {
            return inputRoot.resolve(Sql.first(c, "select file_path from etl_submission where submission_id = ?",
                    rs -> rs.getString(1), submissionId)
                    .orElseThrow(() -> new SQLException("no submission " + submissionId + " in the ledger")));
        }
    }

    /** Settled submissions whose 回执 is not written yet, oldest first. */
    public List<PendingSubmission> awaitingFeedback() throws SQLException {
        try (Connection c = warehouse.connect()) {
            return Sql.list(c, """
                    select submission_id, submitter_code from etl_submission
                    where feedback_path is null and status not in ('received', 'staged') order by submission_id""",
                    rs -> new PendingSubmission(rs.getLong(1), rs.getString(2), null));
        }
    }

    /** Submissions in a state, oldest first. */
    public List<PendingSubmission> inStatus(SubmissionStatus status, Path inputRoot) throws SQLException {
        try (Connection c = warehouse.connect()) {
            return Sql.list(c, "select submission_id, submitter_code, file_path from etl_submission where status = ? "
                    + "order by submission_id",
                    rs -> new PendingSubmission(rs.getLong(1), rs.getString(2), inputRoot.resolve(rs.getString(3))),
                    status.code());
        }
    }

    /** Clears whatever an earlier, interrupted attempt staged for the submission. */
    public void clearStaging(long submissionId) throws SQLException {
        warehouse.inTransaction(c -> {
            for (String table : stagingTables) {
                Sql.update(c, "delete from " + table + " where submission_id = ?", submissionId);
            }
            Sql.update(c, "delete from etl_issue where submission_id = ?", submissionId);
            Sql.update(c, "update etl_submission set status = ? where submission_id = ?", SubmissionStatus.RECEIVED.code(),
                    submissionId);
            return null;
        });
    }

    /** Clears the staging rows of every settled submission (neither received nor staged), one statement a table. */
    public void clearSettledStaging() throws SQLException {
        warehouse.inTransaction(c -> {
            for (String table : stagingTables) {
                Sql.update(c, "delete from " + table + " where submission_id in (select submission_id from etl_submission "
                        + "where status not in (?, ?))", SubmissionStatus.RECEIVED.code(), SubmissionStatus.STAGED.code());
            }
            return null;
        });
    }

    /** Marks the submission staged, with what its reader found out about it. */
    public void markStaged(long submissionId, String format, String subject) throws SQLException {
        try (Connection c = warehouse.connect()) {
            markStaged(c, submissionId, format, subject);
        }
    }

    /** As {@link #markStaged(long, String, String)}, on a connection in the caller's transaction. */
    public static void markStaged(Connection c, long submissionId, String format, String subject) throws SQLException {
        Sql.update(c, "update etl_submission set status = ?, file_format = ?, subject = ? where submission_id = ?",
                SubmissionStatus.STAGED.code(), format, subject, submissionId);
    }

    public List<String> stagingTables() {
        return stagingTables;
    }
}

package org.ruralstat.warehouse;


import org.ruralstat.subject.SubjectDefinition;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
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

    /** A file the ledger already holds, found by path and content. */
    public record Known(long submissionId, String status) {
    }

    public Optional<Known> findByPathAndHash(String relativePath, String sha256) throws SQLException {
        // a file that was never read (gone, or a link, when its turn came) is not known: put back, it is read
        return findOne("select submission_id, status from etl_submission as sub where file_path = ? and sha256 = ? "
                + "and not (status = 'rejected' and exists (select 1 from etl_issue as i where i.submission_id = "
                + "sub.submission_id and i.rule in ('FILE-020', 'FILE-021'))) order by submission_id desc limit 1",
                relativePath, sha256);
    }

    /** The first submission with this content that loaded (or is on its way), not a duplicate, rejected or retracted. */
    public Optional<Known> findOriginalByHash(String sha256) throws SQLException {
        // a rejected or retracted file changed nothing: the same content elsewhere (moved to the right folder) is read
        return findOne("select submission_id, status from etl_submission where sha256 = ? "
                + "and status not in ('duplicate', 'rejected', 'retracted') "
                + "order by submission_id limit 1", sha256);
    }

    private Optional<Known> findOne(String sql, String... params) throws SQLException {
        try (Connection c = warehouse.connect()) {
            return Sql.first(c, sql, rs -> new Known(rs.getLong(1), rs.getString(2)), (Object[]) params);
        }
    }

    /** Registers a new file; returns its submission id. */
    public long register(String submitterCode, String relativePath, String fileName, String sha256, long bytes,
                         String runId, SubmissionStatus status, String reason, Long duplicateOf) throws SQLException {
        try (Connection c = warehouse.connect()) {
            long id = Sql.number(c, "select nextval('seq_submission_id')");
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            Sql.update(c, """
                    insert into etl_submission (submission_id, submitter_code, file_name, file_path, sha256, file_bytes,
                        received_at, run_id, status, status_reason, supersedes, last_seen_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)""",
                    id, submitterCode, fileName, relativePath, sha256, bytes, now, runId, status.code(), reason, now);
            if (duplicateOf != null) {
                Sql.update(c, """
                        update etl_submission
                        set file_format = original.file_format, subject = original.subject, period = original.period
                        from etl_submission as original
                        where original.submission_id = ? and etl_submission.submission_id = ?""", duplicateOf, id);
            }
            return id;
        }
    }

    /** Records what a run did with a file it saw. */
    public void recordSeen(String runId, String relativePath, String sha256, RunFileOutcome outcome, Long submissionId)
            throws SQLException {
        warehouse.inTransaction(c -> insertSeen(c, runId, relativePath, sha256, outcome, submissionId));
    }

    /**
     * Records what a restarted run did with a file its first attempt may have seen already: the first record of a path
     * with the same content is kept (what the night did with it); one with other content or another outcome is
     * replaced.
     */
    public void recordSeenAgain(String runId, String relativePath, String sha256, RunFileOutcome outcome, Long submissionId)
            throws SQLException {
        warehouse.inTransaction(c -> {
            if (Sql.number(c, "select count(*) from etl_run_file where run_id = ? and file_path = ? "
                    + "and sha256 is not distinct from ? and (submission_id is not null or outcome = ?)",
                    runId, relativePath, sha256, outcome.code()) > 0) {
                return null;
            }
            Sql.update(c, "delete from etl_run_file where run_id = ? and file_path = ?", runId, relativePath);
            return insertSeen(c, runId, relativePath, sha256, outcome, submissionId);
        });
    }

    /** True when the run has recorded files already: it is being restarted. */
    public boolean hasSeenFiles(String runId) throws SQLException {
        try (Connection c = warehouse.connect()) {
            return Sql.number(c, "select count(*) from (select 1 from etl_run_file where run_id = ? limit 1)", runId) > 0;
        }
    }

    private static Void insertSeen(Connection c, String runId, String relativePath, String sha256, RunFileOutcome outcome,
                                   Long submissionId) throws SQLException {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        Sql.update(c, "insert into etl_run_file (run_id, file_path, sha256, outcome, submission_id, seen_at) values (?, ?, ?, ?, ?, ?)",
                runId, relativePath, sha256, outcome.code(), submissionId, now);
        if (submissionId != null) {
            Sql.update(c, "update etl_submission set last_seen_at = ? where submission_id = ?", now, submissionId);
        }
        return null;
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

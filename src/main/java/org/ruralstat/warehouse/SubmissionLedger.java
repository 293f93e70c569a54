package org.ruralstat.warehouse;


import org.ruralstat.subject.SubjectDefinition;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
        try (Connection c = warehouse.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Known(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** Registers a new file; returns its submission id. */
    public long register(String submitterCode, String relativePath, String fileName, String sha256, long bytes,
                         String runId, SubmissionStatus status, String reason, Long duplicateOf) throws SQLException {
        try (Connection c = warehouse.connect()) {
            long id;
            try (var s = c.createStatement(); var rs = s.executeQuery("select nextval('seq_submission_id')")) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into etl_submission (submission_id, submitter_code, file_name, file_path, sha256, file_bytes,
                        received_at, run_id, status, status_reason, supersedes, last_seen_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                Timestamp now = Timestamp.valueOf(LocalDateTime.now());
                s.setLong(1, id);
                s.setString(2, submitterCode);
                s.setString(3, fileName);
                s.setString(4, relativePath);
                s.setString(5, sha256);
                s.setLong(6, bytes);
                s.setTimestamp(7, now);
                s.setString(8, runId);
                s.setString(9, status.code());
                s.setString(10, reason);
                s.setObject(11, null);
                s.setTimestamp(12, now);
                s.executeUpdate();
            }
            if (duplicateOf != null) {
                try (PreparedStatement s = c.prepareStatement("""
                        update etl_submission
                        set file_format = original.file_format, subject = original.subject, period = original.period
                        from etl_submission as original
                        where original.submission_id = ? and etl_submission.submission_id = ?""")) {
                    s.setLong(1, duplicateOf);
                    s.setLong(2, id);
                    s.executeUpdate();
                }
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
            try (PreparedStatement s = c.prepareStatement("select count(*) from etl_run_file where run_id = ? and file_path = ? "
                    + "and sha256 is not distinct from ? and (submission_id is not null or outcome = ?)")) {
                s.setString(1, runId);
                s.setString(2, relativePath);
                s.setString(3, sha256);
                s.setString(4, outcome.code());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return null;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("delete from etl_run_file where run_id = ? and file_path = ?")) {
                s.setString(1, runId);
                s.setString(2, relativePath);
                s.executeUpdate();
            }
            return insertSeen(c, runId, relativePath, sha256, outcome, submissionId);
        });
    }

    /** True when the run has recorded files already: it is being restarted. */
    public boolean hasSeenFiles(String runId) throws SQLException {
        try (Connection c = warehouse.connect();
             PreparedStatement s = c.prepareStatement("select exists (select 1 from etl_run_file where run_id = ?)")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static Void insertSeen(Connection c, String runId, String relativePath, String sha256, RunFileOutcome outcome,
                                   Long submissionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into etl_run_file (run_id, file_path, sha256, outcome, submission_id, seen_at) values (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, runId);
            s.setString(2, relativePath);
            s.setString(3, sha256);
            s.setString(4, outcome.code());
            s.setObject(5, submissionId);
            s.setTimestamp(6, Timestamp.valueOf(LocalDateTime.now()));
            s.executeUpdate();
        }
        if (submissionId != null) {
            try (PreparedStatement s = c.prepareStatement("update etl_submission set last_seen_at = ? where submission_id = ?")) {
                s.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now()));
                s.setLong(2, submissionId);
                s.executeUpdate();
            }
        }
        return null;
    }

    /** The submission's file below the input folder, as the drop has it. */
    public Path file(long submissionId, Path inputRoot) throws SQLException {
        try (Connection c = warehouse.connect();
             PreparedStatement s = c.prepareStatement("select file_path from etl_submission where submission_id = ?")) {
            s.setLong(1, submissionId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no submission " + submissionId + " in the ledger");
                }
                return inputRoot.resolve(rs.getString(1));
            }
        }
    }

    /** Submissions in a state, oldest first. */
    /** Settled submissions whose 回执 is not written yet, oldest first. */
    public List<PendingSubmission> awaitingFeedback() throws SQLException {
        List<PendingSubmission> pending = new ArrayList<>();
        try (Connection c = warehouse.connect(); PreparedStatement s = c.prepareStatement("""
                select submission_id, submitter_code from etl_submission
                where feedback_path is null and status not in ('received', 'staged') order by submission_id""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                pending.add(new PendingSubmission(rs.getLong(1), rs.getString(2), null));
            }
        }
        return pending;
    }

    public List<PendingSubmission> inStatus(SubmissionStatus status, Path inputRoot) throws SQLException {
        List<PendingSubmission> pending = new ArrayList<>();
        try (Connection c = warehouse.connect(); PreparedStatement s = c.prepareStatement(
                "select submission_id, submitter_code, file_path from etl_submission where status = ? order by submission_id")) {
            s.setString(1, status.code());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pending.add(new PendingSubmission(rs.getLong(1), rs.getString(2), inputRoot.resolve(rs.getString(3))));
                }
            }
        }
        return pending;
    }

    /** Clears whatever an earlier, interrupted attempt staged for the submission. */
    public void clearStaging(long submissionId) throws SQLException {
        warehouse.inTransaction(c -> {
            for (String table : stagingTables) {
                delete(c, "delete from " + table + " where submission_id = ?", submissionId);
            }
            delete(c, "delete from etl_issue where submission_id = ?", submissionId);
            try (PreparedStatement s = c.prepareStatement("update etl_submission set status = ? where submission_id = ?")) {
                s.setString(1, SubmissionStatus.RECEIVED.code());
                s.setLong(2, submissionId);
                s.executeUpdate();
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
        try (PreparedStatement s = c.prepareStatement(
                "update etl_submission set status = ?, file_format = ?, subject = ? where submission_id = ?")) {
            s.setString(1, SubmissionStatus.STAGED.code());
            s.setString(2, format);
            s.setString(3, subject);
            s.setLong(4, submissionId);
            s.executeUpdate();
        }
    }

    public List<String> stagingTables() {
        return stagingTables;
    }

    private static void delete(Connection c, String sql, long submissionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, submissionId);
            s.executeUpdate();
        }
    }
}

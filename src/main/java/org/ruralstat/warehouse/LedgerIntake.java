package org.ruralstat.warehouse;

import org.duckdb.DuckDBConnection;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * What discovery writes to the ledger for one run, file after file, on one connection: each file's lookups, its
 * registration and the run's record of it in the same transaction, committed every {@value #FILES_PER_COMMIT} files
 * and at {@link #finish()}. A run killed in between leaves its last files unregistered, and the next run registers
 * them; nothing is half recorded. The statements are prepared once for all files.
 */
public final class LedgerIntake implements AutoCloseable {

    static final int FILES_PER_COMMIT = 200;

    private final DuckDBConnection connection;
    private final ReusedStatements sql;
    private final String runId;
    private final boolean restarted;
    private int uncommitted;
    private boolean finished;

    /** A file the ledger already holds, found by path and content. */
    public record Known(long submissionId, String status) {
    }

    LedgerIntake(Warehouse warehouse, String runId) throws SQLException {
        this.connection = warehouse.connect();
        try {
            this.sql = new ReusedStatements(connection);
            this.runId = runId;
            // a restarted night sees its files again: it keeps what its first attempt recorded of each
            this.restarted = sql.number("select count(*) from (select 1 from etl_run_file where run_id = ? limit 1)", runId) > 0;
            connection.setAutoCommit(false);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The newest submission of this path with this content, unless it was never read (gone or a link in its turn). */
    public Optional<Known> findByPathAndHash(String relativePath, String sha256) throws SQLException {
        return sql.first("select submission_id, status from etl_submission as sub where file_path = ? and sha256 = ? "
                + "and not (status = 'rejected' and exists (select 1 from etl_issue as i where i.submission_id = "
                + "sub.submission_id and i.rule in ('FILE-020', 'FILE-021'))) order by submission_id desc limit 1",
                rs -> new Known(rs.getLong(1), rs.getString(2)), relativePath, sha256);
    }

    /** The first submission with this content that loaded (or is on its way), not a duplicate, rejected or retracted. */
    public Optional<Known> findOriginalByHash(String sha256) throws SQLException {
        // a rejected or retracted file changed nothing: the same content elsewhere (moved to the right folder) is read
        return sql.first("select submission_id, status from etl_submission where sha256 = ? "
                + "and status not in ('duplicate', 'rejected', 'retracted') order by submission_id limit 1",
                rs -> new Known(rs.getLong(1), rs.getString(2)), sha256);
    }

    /** Registers a new file; returns its submission id. */
    public long register(String submitterCode, String relativePath, String fileName, String sha256, long bytes,
                         SubmissionStatus status, String reason, Long duplicateOf) throws SQLException {
        long id = sql.number("select nextval('seq_submission_id')");
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        sql.update("""
                insert into etl_submission (submission_id, submitter_code, file_name, file_path, sha256, file_bytes,
                    received_at, run_id, status, status_reason, supersedes, last_seen_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)""",
                id, submitterCode, fileName, relativePath, sha256, bytes, now, runId, status.code(), reason, now);
        if (duplicateOf != null) {
            sql.update("""
                    update etl_submission
                    set file_format = original.file_format, subject = original.subject, period = original.period
                    from etl_submission as original
                    where original.submission_id = ? and etl_submission.submission_id = ?""", duplicateOf, id);
        }
        return id;
    }

    /**
     * Records what the run did with a file it saw, the last call for each file. A restarted run keeps its first
     * attempt's record of a path with the same content (what the night did with it) and replaces one with other
     * content or another outcome.
     */
    public void recordSeen(String relativePath, String sha256, RunFileOutcome outcome, Long submissionId)
            throws SQLException {
        boolean keep = restarted && sql.number("select count(*) from etl_run_file where run_id = ? and file_path = ? "
                + "and sha256 is not distinct from ? and (submission_id is not null or outcome = ?)",
                runId, relativePath, sha256, outcome.code()) > 0;
        if (!keep) {
            if (restarted) {
                sql.update("delete from etl_run_file where run_id = ? and file_path = ?", runId, relativePath);
            }
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            sql.update("insert into etl_run_file (run_id, file_path, sha256, outcome, submission_id, seen_at) "
                    + "values (?, ?, ?, ?, ?, ?)", runId, relativePath, sha256, outcome.code(), submissionId, now);
            if (submissionId != null) {
                sql.update("update etl_submission set last_seen_at = ? where submission_id = ?", now, submissionId);
            }
        }
        if (++uncommitted >= FILES_PER_COMMIT) {
            connection.commit();
            uncommitted = 0;
        }
    }

    /** Commits what is left. */
    public void finish() throws SQLException {
        connection.commit();
        uncommitted = 0;
        finished = true;
    }

    /** Rolls back what {@link #finish()} did not commit, and closes the connection. */
    @Override
    public void close() throws SQLException {
        try (connection) {
            sql.close();
            if (!finished) {
                connection.rollback();
            }
        }
    }
}

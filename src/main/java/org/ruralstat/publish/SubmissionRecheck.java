package org.ruralstat.publish;

import org.ruralstat.warehouse.Sql;
import org.ruralstat.warehouse.Warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading submissions again from their unchanged files after the definitions or seeds change (a new region code list,
 * a new header wording), without the bureau dropping them again: each becomes a new received submission, which the run
 * stages, checks and publishes like any other; once it loads, it replaces every live fact of the one it rechecks.
 */
public final class SubmissionRecheck {

    /** A submission that may be read again, with what its file must still be. */
    public record Candidate(long submissionId, String submitterCode, String filePath, String sha256) {
    }

    private final Warehouse warehouse;

    public SubmissionRecheck(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * The loaded submissions (and the rejected ones when asked) of one submitter or all, that no pending recheck
     * already covers, oldest first.
     */
    public List<Candidate> candidates(boolean rejectedToo, String submitterCode) throws SQLException {
        List<Candidate> found = new ArrayList<>();
        try (Connection c = warehouse.connect(); PreparedStatement s = c.prepareStatement("""
                select submission_id, submitter_code, file_path, sha256 from etl_submission as sub
                where (status in ('loaded', 'loaded_with_warnings') or (? and status = 'rejected'))
                  and (? is null or submitter_code = ?)
                  and not exists (
                      select 1 from etl_recheck as r join etl_submission as pending on pending.submission_id = r.submission_id
                      where r.rechecked_submission_id = sub.submission_id and pending.status in ('received', 'staged'))
                order by submission_id""")) {
            s.setBoolean(1, rejectedToo);
            s.setString(2, submitterCode);
            s.setString(3, submitterCode);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return found;
    }

    /** Registers the candidate's file as a new received submission that rechecks it; returns the new id. */
    public long register(Candidate candidate, String runId) throws SQLException {
        return warehouse.inTransaction(c -> {
            long id;
            try (var s = c.createStatement(); var rs = s.executeQuery("select nextval('seq_submission_id')")) {
                rs.next();
                id = rs.getLong(1);
            }
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            Sql.update(c, """
                    insert into etl_submission (submission_id, submitter_code, file_name, file_path, sha256, file_bytes,
                        received_at, run_id, status, status_reason, last_seen_at)
                    select ?, submitter_code, file_name, file_path, sha256, file_bytes, ?, ?, 'received',
                        '复核报送 ' || submission_id, ?
                    from etl_submission where submission_id = ?""", id, now, runId, now, candidate.submissionId());
            Sql.update(c, "insert into etl_recheck (submission_id, rechecked_submission_id, requested_at) values (?, ?, ?)",
                    id, candidate.submissionId(), now);
            return id;
        });
    }
}

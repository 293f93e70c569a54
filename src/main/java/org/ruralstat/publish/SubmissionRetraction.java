package org.ruralstat.publish;

import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.text.PersonalDataMasker;
import org.ruralstat.warehouse.Sql;
import org.ruralstat.warehouse.SubmissionStatus;
import org.ruralstat.warehouse.Warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * Withdraws a loaded submission at the operator's request, in one DuckDB transaction: its live facts leave the fact
 * table, its status becomes {@code retracted} with the reason, and {@code etl_retraction} keeps the reason and the
 * count. The facts it had replaced are not brought back: a bureau that withdraws a correction sends the right one.
 */
public final class SubmissionRetraction {

    /** Why a submission cannot be withdrawn: it does not exist, or holds no live facts. */
    public static final class NotRetractable extends Exception {
        NotRetractable(String message) {
            super(message);
        }
    }

    private final Warehouse warehouse;
    private final SubjectCatalog subjects;

    public SubmissionRetraction(Warehouse warehouse, SubjectCatalog subjects) {
        this.warehouse = warehouse;
        this.subjects = subjects;
    }

    /** Withdraws the submission; returns how many facts left the fact table. */
    public int retract(long submissionId, String reason) throws SQLException, NotRetractable {
        String masked = PersonalDataMasker.scrub(reason);
        try {
            return warehouse.inTransaction(c -> {
                String[] found = statusAndSubject(c, submissionId);
                if (found == null) {
                    throw new IllegalStateException("no submission " + submissionId);
                }
                if (!SubmissionStatus.of(found[0]).isLoaded()) {
                    throw new IllegalStateException("submission " + submissionId + " is " + found[0]
                            + "; only a loaded submission can be retracted");
                }
                SubjectDefinition subject = subjects.find(found[1])
                        .orElseThrow(() -> new IllegalStateException("submission " + submissionId + " has no known subject"));
                int removed = Sql.update(c, "delete from " + subject.target() + " where submission_id = ?", submissionId);
                Sql.update(c, "update etl_submission set status = 'retracted', status_reason = ? where submission_id = ?",
                        "已撤回：" + masked, submissionId);
                Sql.update(c, "insert into etl_retraction (submission_id, reason, facts_removed, retracted_at) values (?, ?, ?, ?)",
                        submissionId, masked, removed, Timestamp.valueOf(LocalDateTime.now()));
                return removed;
            });
        } catch (IllegalStateException e) {
            throw new NotRetractable(e.getMessage());
        }
    }

    private static String[] statusAndSubject(Connection c, long submissionId) throws SQLException {
        return Sql.first(c, "select status, subject from etl_submission where submission_id = ?",
                rs -> new String[]{rs.getString(1), rs.getString(2)}, submissionId).orElse(null);
    }
}

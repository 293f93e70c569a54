package org.ruralstat.stage;

import org.ruralstat.read.Location;
import org.ruralstat.validate.Finding;
import org.ruralstat.validate.RowOutcome;
import org.ruralstat.validate.RuleCatalog;
import org.ruralstat.warehouse.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;

/**
 * A bureau's 说明 on its warnings. Once a submission's row and set rules have run, a warning on a row whose 说明
 * column says why the value is right is accepted with that text ({@code etl_issue.justification}); so is a warning
 * the same bureau justified on an earlier version (same rule, column, value and message), with the earlier text.
 * A 说明 on a row with an error is refused (ROW-023: errors are corrected, not explained), and one on a row with no
 * warning left is reported as unused (ROW-024), never silently dropped.
 */
public final class Justifications {

    static final String RECEIPT_SHEET = "问题清单";
    static final String ON_ERROR = "ROW-023";
    static final String UNUSED = "ROW-024";
    /** What makes two warnings the same across versions: rule aside, the column, the value and the message. */
    static final String FINGERPRINT = "md5(coalesce(i.column_name, '') || '|' || coalesce(i.raw_value, '') || '|' || i.message_zh)";

    private final RuleCatalog rules;

    Justifications(RuleCatalog rules) {
        this.rules = rules;
    }

    /** Settles the 说明 of staged submissions, inside their checking transaction. */
    void settle(Connection c, Collection<Long> submissionIds) throws SQLException {
        String ids = Sql.ids(submissionIds);
        for (Map<String, Object> row : SetRules.query(c, """
                select r.submission_id, r.sheet, r.source_row, r.justification,
                       string_agg(distinct i.rule, '、' order by i.rule) filter (where i.severity = 'error') as errors,
                       count(i.rule) filter (where i.severity = 'warning') as warnings,
                from stg_row as r
                left join etl_issue as i
                    on i.submission_id = r.submission_id and i.sheet is not distinct from r.sheet
                   and i.row_number = r.source_row
                where r.submission_id in %s and r.justification is not null
                group by all
                having errors is not null or warnings = 0
                order by r.submission_id, r.sheet, r.source_row""".formatted(ids))) {
            long submissionId = ((Number) row.get("submission_id")).longValue();
            String text = String.valueOf(row.get("justification"));
            Location at = new Location((String) row.get("sheet"), ((Number) row.get("source_row")).intValue(), "说明", null, text);
            Finding finding = row.get("errors") != null
                    ? rules.finding(ON_ERROR, at, Map.of("rules", String.valueOf(row.get("errors"))))
                    : rules.finding(UNUSED, at, Map.of());
            SetRules.insert(c, submissionId, finding);
            Sql.update(c, "update stg_row set outcome = " + RowOutcome.WARNED.sql() + " where submission_id = ? "
                    + "and sheet is not distinct from ? and source_row = ? and outcome = " + RowOutcome.LOADED.sql(), submissionId, row.get("sheet"), row.get("source_row"));
        }
        Sql.update(c, """
                update etl_issue as i set justification = r.justification
                from stg_row as r
                where i.submission_id in %s and r.submission_id = i.submission_id
                  and r.sheet is not distinct from i.sheet and r.source_row = i.row_number
                  and r.justification is not null and i.severity = 'warning' and i.justification is null
                  and i.rule not in (?, ?)""".formatted(ids), ON_ERROR, UNUSED);
        carryForward(c, submissionIds);
    }

    /**
     * Accepts the open warnings of submissions that their bureau justified before (on an earlier version, or in a
     * 回执 sent back), with the earlier text. Also at publishing, after every submission of the run was checked.
     */
    public static void carryForward(Connection c, Collection<Long> submissionIds) throws SQLException {
        Sql.update(c, """
                update etl_issue as i set justification = '沿用报送 ' || j.submission_id || ' 的说明：' || j.justification
                from etl_justification as j, etl_submission as s
                where i.submission_id in %s and s.submission_id = i.submission_id
                  and j.submitter_code = s.submitter_code and j.rule = i.rule and j.fingerprint = %s
                  and i.severity = 'warning' and i.justification is null""".formatted(Sql.ids(submissionIds), FINGERPRINT));
    }

    /**
     * Settles a 回执 a bureau sent back with 说明 filled in ({@code stg_justification}): each line names a finding of
     * an earlier submission of the same bureau (rule, message, sheet, row and cell as the 问题清单 showed them). A
     * warning is accepted there and remembered for later versions; an error gets ROW-023 and a finding that cannot be
     * found (gone, or a line edited) ROW-024, at the line of the 问题清单.
     */
    void settleReceipt(Connection c, long receiptId) throws SQLException {
        for (Map<String, Object> line : SetRules.query(c, """
                select l.source_row, l.justification, l.rule,
                       bool_or(i.severity = 'warning') as warning,
                       bool_or(i.severity = 'error') as error,
                from stg_justification as l
                join etl_submission as receipt on receipt.submission_id = l.submission_id
                left join (etl_issue as i join etl_submission as s on s.submission_id = i.submission_id)
                    on s.submitter_code = receipt.submitter_code and i.submission_id <> l.submission_id
                   and i.rule = l.rule and i.message_zh = l.message_zh
                   and i.sheet is not distinct from l.sheet and i.row_number is not distinct from l.row_number
                   and i.cell_ref is not distinct from l.cell_ref
                where l.submission_id = ?
                group by all
                order by l.source_row""", receiptId)) {
            int sourceRow = ((Number) line.get("source_row")).intValue();
            String text = String.valueOf(line.get("justification"));
            if (Boolean.TRUE.equals(line.get("warning"))) {
                continue;
            }
            Location at = new Location(RECEIPT_SHEET, sourceRow, "说明", null, text);
            SetRules.insert(c, receiptId, Boolean.TRUE.equals(line.get("error"))
                    ? rules.finding(ON_ERROR, at, Map.of("rules", String.valueOf(line.get("rule"))))
                    : rules.finding(UNUSED, at, Map.of()));
            Sql.update(c, "update stg_row set outcome = " + RowOutcome.WARNED.sql() + " where submission_id = ? and source_row = ?",
                    receiptId, sourceRow);
        }
        String matching = """
                l.submission_id = ? and receipt.submission_id = l.submission_id
                  and s.submission_id = i.submission_id and s.submitter_code = receipt.submitter_code
                  and i.submission_id <> l.submission_id and i.severity = 'warning'
                  and i.rule = l.rule and i.message_zh = l.message_zh and i.sheet is not distinct from l.sheet
                  and i.row_number is not distinct from l.row_number and i.cell_ref is not distinct from l.cell_ref""";
        Sql.update(c, """
                insert or ignore into etl_justification
                    (submitter_code, rule, fingerprint, justification, submission_id, accepted_at)
                select distinct on (s.submitter_code, i.rule, %1$s)
                       s.submitter_code, i.rule, %1$s, l.justification, l.submission_id, ?
                from stg_justification as l, etl_submission as receipt, etl_issue as i, etl_submission as s
                where %2$s""".formatted(FINGERPRINT, matching), Timestamp.valueOf(LocalDateTime.now()), receiptId);
        Sql.update(c, """
                update etl_issue as i set justification = l.justification
                from stg_justification as l, etl_submission as receipt, etl_submission as s
                where %s and i.justification is null""".formatted(matching), receiptId);
    }

    /**
     * Remembers the warnings a loaded submission justified itself, so that later versions carry them; inside the
     * publishing transaction.
     */
    public static void remember(Connection c, Collection<Long> submissionIds) throws SQLException {
        Sql.update(c, """
                insert or ignore into etl_justification
                    (submitter_code, rule, fingerprint, justification, submission_id, accepted_at)
                select distinct on (s.submitter_code, i.rule, %s)
                       s.submitter_code, i.rule, %s, i.justification, i.submission_id, ?
                from etl_issue as i
                join etl_submission as s using (submission_id)
                where i.submission_id in %s and i.severity = 'warning' and i.justification is not null
                  and not starts_with(i.justification, '沿用报送 ')""".formatted(FINGERPRINT, FINGERPRINT,
                Sql.ids(submissionIds)), Timestamp.valueOf(LocalDateTime.now()));
    }
}

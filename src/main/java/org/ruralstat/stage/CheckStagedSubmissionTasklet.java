package org.ruralstat.stage;

import org.ruralstat.read.Location;
import org.ruralstat.read.ReceiptSheet;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.validate.Finding;
import org.ruralstat.validate.RuleCatalog;
import org.ruralstat.warehouse.Sql;
import org.ruralstat.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the checks that need a whole submission, in one DuckDB transaction: the subject's set rules, the bureau's
 * 说明, and the jurisdiction rule, under which a single row outside the submitter's area rejects the whole file and
 * is recorded as a security event. One partition of the check step per staged submission (Spring Batch runs as many
 * at a time as there are threads); a check reads and writes its own submission's rows, and a 回执 sent back also the
 * findings it justifies.
 */
public class CheckStagedSubmissionTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CheckStagedSubmissionTasklet.class);
    static final String OUTSIDE_ROW_RULE = "ROW-007";
    static final String OUTSIDE_FILE_RULE = "FILE-015";

    private final Warehouse warehouse;
    private final SubjectCatalog subjects;
    private final RuleCatalog rules;
    private final long submissionId;
    private final String submitterCode;

    public CheckStagedSubmissionTasklet(Warehouse warehouse, SubjectCatalog subjects, RuleCatalog rules, long submissionId,
                                        String submitterCode) {
        this.warehouse = warehouse;
        this.subjects = subjects;
        this.rules = rules;
        this.submissionId = submissionId;
        this.submitterCode = submitterCode;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        warehouse.inTransaction(c -> {
            check(c);
            return null;
        });
        contribution.incrementWriteCount(1);
        return RepeatStatus.FINISHED;
    }

    /** Set-rule findings know a cell, not its header: the header comes from the sheet's layout (stg_column). */
    private static void nameColumns(Connection c, long id) throws SQLException {
        Sql.update(c, """
                update etl_issue as i set column_name = col.header
                from stg_column as col
                where i.submission_id = ? and col.submission_id = i.submission_id
                  and col.sheet is not distinct from i.sheet and i.column_name is null and i.cell_ref is not null
                  and col.source_column = regexp_extract(i.cell_ref, '^[A-Z]+')""", id);
    }

    private void check(Connection c) throws SQLException {
        long id = submissionId;
        Sql.update(c, "delete from etl_issue where submission_id = ? and rule = ?", id, OUTSIDE_FILE_RULE);
        List<Map<String, Object>> subject = SetRules.query(c, "select subject from etl_submission where submission_id = ?", id);
        Optional<SubjectDefinition> definition = subject.isEmpty() || subject.get(0).get("subject") == null ? Optional.empty()
                : subjects.find(subject.get(0).get("subject").toString());
        if (definition.isPresent()) {
            new SetRules(rules).check(c, id, definition.get());
        }
        nameColumns(c, id);
        Justifications justifications = new Justifications(rules);
        if (!subject.isEmpty() && ReceiptSheet.SUBJECT.equals(subject.get(0).get("subject"))) {
            justifications.settleReceipt(c, id);
        } else {
            justifications.settle(c, id);
        }
        List<Map<String, Object>> outside = SetRules.query(c, """
                select count(*) as n, string_agg(distinct raw_value, '、') as sample
                from etl_issue where submission_id = ? and rule = ?""", id, OUTSIDE_ROW_RULE);
        long rows = ((Number) outside.get(0).get("n")).longValue();
        if (rows > 0) {
            Finding finding = rules.finding(OUTSIDE_FILE_RULE, Location.FILE,
                    Map.of("rows", Long.toString(rows), "submitter", submitterCode));
            SetRules.insert(c, id, finding);
            String sample = String.valueOf(outside.get(0).get("sample"));
            Sql.update(c, """
                    insert into etl_security_event (submission_id, submitter_code, event, detail, rows_affected, detected_at)
                    values (?, ?, 'outside_jurisdiction', ?, ?, ?)""", id, submitterCode,
                    sample.length() > 500 ? sample.substring(0, 500) : sample, rows, Timestamp.valueOf(LocalDateTime.now()));
            log.warn("SECURITY: submission {} from {} reports {} row(s) outside its jurisdiction; the file is rejected",
                    id, submitterCode, rows);
        }
    }
}

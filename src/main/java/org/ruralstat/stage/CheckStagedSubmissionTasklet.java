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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the checks that need a whole submission, for a group of staged submissions in one DuckDB transaction: the
 * subjects' set rules, the bureaus' 说明, and the jurisdiction rule, under which a single row outside the submitter's
 * area rejects the whole file and is recorded as a security event. Each rule is one query over the group, and each
 * submission is compared only with its own rows and the published facts, so a group checks as its submissions would
 * one by one. One partition of the check step per group (Spring Batch runs as many at a time as there are threads); a
 * 回执 sent back also reads and writes the findings it justifies.
 */
public class CheckStagedSubmissionTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CheckStagedSubmissionTasklet.class);
    static final String OUTSIDE_ROW_RULE = "ROW-007";
    static final String OUTSIDE_FILE_RULE = "FILE-015";

    private final Warehouse warehouse;
    private final SubjectCatalog subjects;
    private final RuleCatalog rules;
    private final List<Long> submissionIds;

    public CheckStagedSubmissionTasklet(Warehouse warehouse, SubjectCatalog subjects, RuleCatalog rules,
                                        List<Long> submissionIds) {
        this.warehouse = warehouse;
        this.subjects = subjects;
        this.rules = rules;
        this.submissionIds = List.copyOf(submissionIds);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (!submissionIds.isEmpty()) {
            warehouse.inTransaction(c -> {
                check(c);
                return null;
            });
        }
        contribution.incrementWriteCount(submissionIds.size());
        return RepeatStatus.FINISHED;
    }

    /** Set-rule findings know a cell, not its header: the header comes from the sheet's layout (stg_column). */
    private static void nameColumns(Connection c, String ids) throws SQLException {
        Sql.update(c, """
                update etl_issue as i set column_name = col.header
                from stg_column as col
                where i.submission_id in %s and col.submission_id = i.submission_id
                  and col.sheet is not distinct from i.sheet and i.column_name is null and i.cell_ref is not null
                  and col.source_column = regexp_extract(i.cell_ref, '^[A-Z]+')""".formatted(ids));
    }

    private void check(Connection c) throws SQLException {
        String ids = Sql.ids(submissionIds);
        Sql.update(c, "delete from etl_issue where submission_id in " + ids + " and rule = ?", OUTSIDE_FILE_RULE);
        record Checked(long id, String subject, String submitter) {
        }
        List<Checked> checked = Sql.list(c, "select submission_id, subject, submitter_code from etl_submission "
                + "where submission_id in " + ids + " order by submission_id",
                rs -> new Checked(rs.getLong(1), rs.getString(2), rs.getString(3)));
        Map<SubjectDefinition, List<Long>> bySubject = new LinkedHashMap<>();
        for (Checked submission : checked) {
            Optional.ofNullable(submission.subject()).flatMap(subjects::find)
                    .ifPresent(d -> bySubject.computeIfAbsent(d, k -> new ArrayList<>()).add(submission.id()));
        }
        SetRules setRules = new SetRules(rules);
        for (Map.Entry<SubjectDefinition, List<Long>> subject : bySubject.entrySet()) {
            setRules.check(c, subject.getValue(), subject.getKey());
        }
        nameColumns(c, ids);
        Justifications justifications = new Justifications(rules);
        List<Long> returns = new ArrayList<>();
        for (Checked submission : checked) {
            if (ReceiptSheet.SUBJECT.equals(submission.subject())) {
                justifications.settleReceipt(c, submission.id());
            } else {
                returns.add(submission.id());
            }
        }
        if (!returns.isEmpty()) {
            justifications.settle(c, returns);
        }
        Map<Long, String> submitters = new HashMap<>();
        checked.forEach(submission -> submitters.put(submission.id(), submission.submitter()));
        record Outside(long id, long rows, String sample) {
        }
        for (Outside outside : Sql.list(c, """
                select submission_id, count(*), string_agg(distinct raw_value, '、')
                from etl_issue where submission_id in %s and rule = ?
                group by submission_id order by submission_id""".formatted(ids),
                rs -> new Outside(rs.getLong(1), rs.getLong(2), rs.getString(3)), OUTSIDE_ROW_RULE)) {
            rejectOutside(c, outside.id(), submitters.get(outside.id()), outside.rows(), String.valueOf(outside.sample()));
        }
    }

    /** A submission with rows outside its submitter's jurisdiction: rejected whole, and a security event. */
    private void rejectOutside(Connection c, long id, String submitterCode, long rows, String sample) throws SQLException {
        Finding finding = rules.finding(OUTSIDE_FILE_RULE, Location.FILE,
                Map.of("rows", Long.toString(rows), "submitter", submitterCode));
        SetRules.insert(c, id, finding);
        Sql.update(c, """
                insert into etl_security_event (submission_id, submitter_code, event, detail, rows_affected, detected_at)
                values (?, ?, 'outside_jurisdiction', ?, ?, ?)""", id, submitterCode,
                sample.length() > 500 ? sample.substring(0, 500) : sample, rows, Timestamp.valueOf(LocalDateTime.now()));
        log.warn("SECURITY: submission {} from {} reports {} row(s) outside its jurisdiction; the file is rejected",
                id, submitterCode, rows);
    }
}

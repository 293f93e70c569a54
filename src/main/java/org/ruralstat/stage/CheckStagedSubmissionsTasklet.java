package org.ruralstat.stage;

import org.ruralstat.read.Location;
import org.ruralstat.read.ReceiptSheet;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.validate.Finding;
import org.ruralstat.validate.RuleCatalog;
import org.ruralstat.warehouse.PendingSubmission;
import org.ruralstat.warehouse.SubmissionLedger;
import org.ruralstat.warehouse.SubmissionStatus;
import org.ruralstat.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.task.AsyncTaskExecutor;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs the checks that need a whole submission, one DuckDB transaction per submission: the subject's set rules,
 * and the jurisdiction rule, under which a single row outside the submitter's area rejects the whole file and
 * is recorded as a security event.
 */
public class CheckStagedSubmissionsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(CheckStagedSubmissionsTasklet.class);
    static final String OUTSIDE_ROW_RULE = "ROW-007";
    static final String OUTSIDE_FILE_RULE = "FILE-015";

    private final Warehouse warehouse;
    private final SubmissionLedger ledger;
    private final SubjectCatalog subjects;
    private final RuleCatalog rules;
    private final AsyncTaskExecutor workers;

    /**
     * Submissions are checked as many at a time as the workers' threads, each in a transaction of its own on its own
     * connection: a check reads and writes only its own submission's rows, so the transactions never touch the same
     * rows.
     */
    public CheckStagedSubmissionsTasklet(Warehouse warehouse, SubmissionLedger ledger, SubjectCatalog subjects, RuleCatalog rules,
                                         AsyncTaskExecutor workers) {
        this.warehouse = warehouse;
        this.ledger = ledger;
        this.subjects = subjects;
        this.rules = rules;
        this.workers = workers;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        List<Future<Object>> checks = new ArrayList<>();
        try {
            for (PendingSubmission pending : ledger.inStatus(SubmissionStatus.STAGED, Path.of("."))) {
                checks.add(workers.submit(() -> warehouse.inTransaction(c -> {
                    check(c, pending);
                    return null;
                })));
            }
            for (Future<Object> check : checks) {
                try {
                    check.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            // after a failure, the checks not yet done are interrupted: the step fails, nothing of theirs counts
            checks.forEach(check -> check.cancel(true));
        }
        return RepeatStatus.FINISHED;
    }

    /** Set-rule findings know a cell, not its header: the header comes from the sheet's layout (stg_column). */
    private static void nameColumns(Connection c, long id) throws SQLException {
        SetRules.update(c, """
                update etl_issue as i set column_name = col.header
                from stg_column as col
                where i.submission_id = ? and col.submission_id = i.submission_id
                  and col.sheet is not distinct from i.sheet and i.column_name is null and i.cell_ref is not null
                  and col.source_column = regexp_extract(i.cell_ref, '^[A-Z]+')""", id);
    }

    private void check(Connection c, PendingSubmission pending) throws SQLException {
        long id = pending.submissionId();
        SetRules.update(c, "delete from etl_issue where submission_id = ? and rule = ?", id, OUTSIDE_FILE_RULE);
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
                    Map.of("rows", Long.toString(rows), "submitter", pending.submitterCode()));
            SetRules.insert(c, id, finding);
            String sample = String.valueOf(outside.get(0).get("sample"));
            SetRules.update(c, """
                    insert into etl_security_event (submission_id, submitter_code, event, detail, rows_affected, detected_at)
                    values (?, ?, 'outside_jurisdiction', ?, ?, ?)""", id, pending.submitterCode(),
                    sample.length() > 500 ? sample.substring(0, 500) : sample, rows, Timestamp.valueOf(LocalDateTime.now()));
            log.warn("SECURITY: submission {} from {} reports {} row(s) outside its jurisdiction; the file is rejected",
                    id, pending.submitterCode(), rows);
        }
    }
}

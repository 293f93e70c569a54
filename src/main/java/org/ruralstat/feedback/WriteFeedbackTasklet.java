package org.ruralstat.feedback;

import org.ruralstat.text.PersonalDataMasker;
import org.ruralstat.validate.Finding;
import org.ruralstat.validate.Severity;
import org.ruralstat.warehouse.ReusedStatements;
import org.ruralstat.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the feedback workbooks (回执) of settled submissions under {@code <warehouse>/feedback/<submitter>/}, records
 * each path in the ledger and hands a copy to the bureau's receipts folder: one partition of the feedback step per
 * group of submissions that have none yet (Spring Batch runs as many at a time as there are threads), each group on
 * one connection whose statements are prepared once. A workbook that cannot be written is logged, not fatal: the next
 * run writes it.
 */
public class WriteFeedbackTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteFeedbackTasklet.class);

    private final Warehouse warehouse;
    private final BureauReceipts bureau;
    private final Path input;
    private final FeedbackWorkbookWriter writer;
    private final List<Long> submissionIds;

    /**
     * @param receipts the folder the bureaus read their receipts from (null: receipts stay under the warehouse only)
     */
    public WriteFeedbackTasklet(Warehouse warehouse, Path input, FeedbackWorkbookWriter writer, Path receipts,
                                List<Long> submissionIds) {
        this.bureau = receipts == null ? null : new BureauReceipts(warehouse, receipts);
        this.warehouse = warehouse;
        this.input = input;
        this.writer = writer;
        this.submissionIds = List.copyOf(submissionIds);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        try (Connection c = warehouse.connect(); ReusedStatements sql = new ReusedStatements(c)) {
            for (long submissionId : submissionIds) {
                if (answer(sql, submissionId)) {
                    contribution.incrementWriteCount(1);
                }
            }
        }
        return RepeatStatus.FINISHED;
    }

    /** Writes, records and delivers one submission's 回执; false when it has one already or it could not be written. */
    private boolean answer(ReusedStatements sql, long submissionId) throws Exception {
        Optional<SubmissionReceipt> pending = pending(sql, submissionId);
        if (pending.isEmpty()) {
            return false;
        }
        SubmissionReceipt receipt = pending.get();
        String path;
        try {
            path = write(sql, receipt);
        } catch (Exception e) {
            log.warn("Could not write the feedback workbook of submission {}: {}", submissionId, e.toString());
            return false;
        }
        sql.update("update etl_submission set feedback_path = ? where submission_id = ?", path, submissionId);
        if (bureau != null) {
            bureau.deliver(receipt.submitterCode(), path);
        }
        return true;
    }

    /** Writes one submission's workbook; returns its path below the warehouse folder. */
    private String write(ReusedStatements sql, SubmissionReceipt receipt) throws Exception {
        Path relative = Path.of("feedback", receipt.submitterCode(), feedbackName(receipt));
        writer.write(receipt, findings(sql, receipt.submissionId()), input.resolve(receipt.filePath()),
                warehouse.directory().resolve(relative));
        return relative.toString().replace('\\', '/');
    }

    /** Code points of the file name kept in a receipt's name: with the rest, well under 255 bytes on any file system. */
    static final int NAME_KEPT = 40;

    /**
     * 回执-<submission id, six digits>-<file name>.xlsx: unique for every submission whatever the names (收入.csv beside
     * 收入.CSV, 2023/名单.csv beside 2023_名单.csv), in the order received, and short: the file name keeps its first
     * {@value #NAME_KEPT} characters and, when it was no xlsx, its extension in brackets. ID and mobile numbers in the
     * name are masked, and characters no file system takes are replaced.
     */
    static String feedbackName(SubmissionReceipt receipt) {
        String path = PersonalDataMasker.scrub(receipt.filePath());
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
        stem = stem.replaceAll("[\\\\/:*?\"<>|\\p{Cc}]", "_");
        if (stem.codePointCount(0, stem.length()) > NAME_KEPT) {
            stem = stem.substring(0, stem.offsetByCodePoints(0, NAME_KEPT)) + "…";
        }
        extension = extension.replaceAll("[^a-z0-9]", "");
        if (extension.length() > 8) {
            extension = extension.substring(0, 8);
        }
        return String.format("回执-%06d-%s%s.xlsx", receipt.submissionId(), stem,
                extension.equals("xlsx") ? "" : "(" + extension + ")");
    }

    /** The submission's receipt, unless it has one already or is not settled. */
    private static Optional<SubmissionReceipt> pending(ReusedStatements sql, long id) throws SQLException {
        // the replacements are asked of this submission by id, not correlated with the outer row, which DuckDB
        // would answer by joining every submission's replacements first (docs/decisions.md)
        return sql.first("""
                select submission_id, submitter_code, file_name, file_path, received_at, subject, period, status,
                       status_reason, rows_read, rows_loaded, rows_rejected, rows_warned,
                       (select string_agg('报送 ' || r.replaced_submission_id || '（' || old.file_name || '）的 '
                                   || r.facts_replaced || ' 条数据' || case when r.whole then '（全部）' else '' end, '；'
                                   order by r.replaced_submission_id)
                        from etl_replacement as r
                        join etl_submission as old on old.submission_id = r.replaced_submission_id
                        where r.submission_id = ?) as replaced
                from etl_submission
                where submission_id = ? and feedback_path is null and status not in ('received', 'staged')""", rs -> {
            Timestamp received = rs.getTimestamp(5);
            return new SubmissionReceipt(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    received == null ? null : received.toLocalDateTime(), rs.getString(6), rs.getString(7),
                    rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
                    rs.getString(14));
        }, id, id);
    }

    /** The submission's findings read as they are written out, never all at once. */
    private static SubmissionFindings findings(ReusedStatements sql, long submissionId) {
        return action -> sql.forEach("""
                select sheet, row_number, column_name, cell_ref, raw_value, rule, severity, message_zh, message_en,
                       justification
                from etl_issue where submission_id = ?
                order by row_number nulls first, sheet, cell_ref""", rs -> {
            int row = rs.getInt(2);
            action.accept(new Finding(rs.getString(1), rs.wasNull() ? null : row, rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), Severity.valueOf(rs.getString(7).toUpperCase(Locale.ROOT)),
                    rs.getString(8), rs.getString(9), rs.getString(10)));
        }, submissionId);
    }
}

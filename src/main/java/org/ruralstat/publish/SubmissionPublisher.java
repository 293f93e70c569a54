package org.ruralstat.publish;

import org.ruralstat.read.ReceiptSheet;
import org.ruralstat.stage.Justifications;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.validate.RowOutcome;
import org.ruralstat.warehouse.PendingSubmission;
import org.ruralstat.warehouse.Sql;
import org.ruralstat.warehouse.SubmissionLedger;
import org.ruralstat.warehouse.SubmissionStatus;
import org.ruralstat.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves each staged submission into the facts in one DuckDB transaction: its accepted rows in, the live facts of the
 * same submitter and subject whose keys it reports out, the ledger updated last; its staging rows leave once the step
 * has published every staged submission. An analyst sees the old version or
 * the new one, never a mix; a rejected file never reaches a fact table.
 */
public final class SubmissionPublisher {

    private static final Logger log = LoggerFactory.getLogger(SubmissionPublisher.class);

    private final Warehouse warehouse;
    private final SubjectCatalog subjects;
    private final SubmissionLedger ledger;
    private final Runnable afterEach;

    public SubmissionPublisher(Warehouse warehouse, SubjectCatalog subjects, SubmissionLedger ledger) {
        this(warehouse, subjects, ledger, () -> { });
    }

    /** With an action run after each submission's transaction commits (a crash drill holds the run there). */
    public SubmissionPublisher(Warehouse warehouse, SubjectCatalog subjects, SubmissionLedger ledger, Runnable afterEach) {
        this.warehouse = warehouse;
        this.subjects = subjects;
        this.ledger = ledger;
        this.afterEach = afterEach;
    }

    /**
     * Publishes every staged submission, oldest first, then removes the staging rows of every settled submission in
     * one statement a table, not nine statements a file (docs/decisions.md). Rows a killed run left behind go at the
     * end of the next one; every query of staging names its own submission, so they are never read meanwhile.
     */
    public List<PublishResult> publishStaged() throws SQLException {
        List<PublishResult> results = new ArrayList<>();
        for (PendingSubmission pending : ledger.inStatus(SubmissionStatus.STAGED, java.nio.file.Path.of("."))) {
            results.add(publish(pending.submissionId()));
            afterEach.run();
        }
        ledger.clearSettledStaging();
        return results;
    }

    PublishResult publish(long submissionId) throws SQLException {
        PublishResult result = warehouse.inTransaction(c -> publish(c, submissionId));
        log.info("Submission {} ({}, {}): {} — {} rows read, {} loaded, {} rejected, {} warned",
                submissionId, result.subject(), result.period(), result.status().code(), result.rowsRead(),
                result.rowsLoaded(), result.rowsRejected(), result.rowsWarned());
        return result;
    }

    private PublishResult publish(Connection c, long submissionId) throws SQLException {
        String subjectName = queryString(c, "select subject from etl_submission where submission_id = ?", submissionId);
        Optional<SubjectDefinition> subject = Optional.ofNullable(subjectName).flatMap(subjects::find);
        int[] counts = counts(c, submissionId);
        int read = counts[0];
        int rejected = counts[1];
        int warned = counts[2];
        String fileError = queryString(c, "select message_zh from etl_issue where submission_id = ? and row_number is null "
                + "and severity = 'error' limit 1", submissionId);
        String period = subject.isEmpty() ? null : periodOf(c, subject.get(), submissionId);
        SubmissionStatus status;
        String reason;
        Long supersedes = null;
        if (fileError == null && read > 0 && ReceiptSheet.SUBJECT.equals(subjectName)) {
            // a 回执 sent back: its lines are justifications, settled when it was checked; it loads no fact
            status = warned == read ? SubmissionStatus.REJECTED
                    : warned > 0 ? SubmissionStatus.LOADED_WITH_WARNINGS : SubmissionStatus.LOADED;
            reason = warned == read ? "回执中的说明均未采用" : (read - warned) + " 条说明已采用"
                    + (warned > 0 ? "，" + warned + " 条未采用" : "");
            rejected = status == SubmissionStatus.REJECTED ? read : 0;
            warned = status == SubmissionStatus.REJECTED ? 0 : warned;
        } else if (fileError != null || subject.isEmpty() || read == 0) {
            status = SubmissionStatus.REJECTED;
            reason = fileError != null ? fileError : "没有可读取的数据行";
            rejected = read;
            warned = 0;
        } else if (rejected == read) {
            status = SubmissionStatus.REJECTED;
            reason = "所有数据行均有错误，未入库";
        } else {
            supersedes = supersede(c, submissionId, subject.get());
            Sql.update(c, "insert into " + subject.get().target() + " by name select * "
                    + "from " + subject.get().stagingTable() + " where submission_id = ?", submissionId);
            assertOneLiveVersion(c, subject.get(), submissionId);
            Justifications.carryForward(c, submissionId);
            Justifications.remember(c, submissionId);
            status = warned > 0 ? SubmissionStatus.LOADED_WITH_WARNINGS : SubmissionStatus.LOADED;
            reason = rejected > 0 ? rejected + " 行有错误未入库" : warned > 0 ? warned + " 行有警告" : null;
        }
        Long rechecked = retireRechecked(c, submissionId);
        supersedes = supersedes != null ? supersedes : rechecked;
        Sql.update(c, """
                update etl_submission
                set status = ?, status_reason = ?, period = ?, rows_read = ?, rows_loaded = ?, rows_rejected = ?,
                    rows_warned = ?, supersedes = ?, published_at = ?
                where submission_id = ?""", status.code(), reason, period, read,
                status == SubmissionStatus.REJECTED ? 0 : read - rejected, rejected, warned, supersedes,
                Timestamp.valueOf(LocalDateTime.now()), submissionId);
        return new PublishResult(submissionId, subjectName, period, status, read,
                status == SubmissionStatus.REJECTED ? 0 : read - rejected, rejected, warned, supersedes);
    }

    /**
     * Retires, in the live submissions of the same submitter and subject, the facts whose key (region, indicator,
     * period) the new submission reports, through an accepted row or a rejected one: a version is the set of keys it
     * reports, so parts of one return (第一片区, 第二片区) coexist and a correction covering more years than the version
     * it corrects leaves no fact twice. An earlier submission left with no live fact is superseded; each replacement
     * is recorded in {@code etl_replacement}. Returns the newest submission wholly or partly replaced.
     */
    private Long supersede(Connection c, long submissionId, SubjectDefinition subject) throws SQLException {
        String region = subject.region().output();
        boolean measures = subject.hasMeasures();
        String sameKey = """
                (select s.%1$s as region_code, %2$s as indicator_code, s.period from %3$s as s where s.submission_id = ?
                 union
                 select k.region_code, k.indicator_code, k.period from stg_key as k where k.submission_id = ?) as reported
                where f.%1$s = reported.region_code and f.period = reported.period
                  %4$s
                  and f.submission_id in (select submission_id from etl_submission
                      where submitter_code = (select submitter_code from etl_submission where submission_id = ?)
                        and subject = ? and submission_id <> ? and status in ('loaded', 'loaded_with_warnings'))"""
                .formatted(region, measures ? "s.indicator_code" : "null", subject.stagingTable(),
                        measures ? "and f.indicator_code = reported.indicator_code" : "");
        Object[] keyParams = {submissionId, submissionId, submissionId, subject.name(), submissionId};
        List<long[]> replaced = Sql.list(c, "select f.submission_id, count(*) from " + subject.target() + " as f, " + sameKey
                + " group by f.submission_id order by f.submission_id", rs -> new long[]{rs.getLong(1), rs.getLong(2)}, keyParams);
        if (replaced.isEmpty()) {
            return null;
        }
        Sql.update(c, "delete from " + subject.target() + " as f using " + sameKey, keyParams);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        for (long[] old : replaced) {
            boolean whole = Sql.number(c, "select count(*) from " + subject.target() + " where submission_id = ?", old[0]) == 0;
            if (whole) {
                Sql.update(c, "update etl_submission set status = 'superseded', superseded_by = ? where submission_id = ?",
                        submissionId, old[0]);
            }
            Sql.update(c, "insert into etl_replacement (submission_id, replaced_submission_id, facts_replaced, whole, "
                    + "replaced_at) values (?, ?, ?, ?, ?)", submissionId, old[0], old[1], whole, now);
        }
        return replaced.get(replaced.size() - 1)[0];
    }

    /**
     * A submission that reads an earlier one's unchanged file again (ruralstat recheck) replaces all of it, whatever
     * its own outcome: what the earlier reading loaded and the current definitions and seeds no longer accept (a region
     * code retired from the list, say) leaves the facts too. Returns the earlier submission, or null when this is no
     * recheck.
     */
    private Long retireRechecked(Connection c, long submissionId) throws SQLException {
        record Rechecked(long submissionId, String subject) {
        }
        List<Rechecked> rechecked = Sql.list(c, "select r.rechecked_submission_id, old.subject from etl_recheck as r "
                + "join etl_submission as old on old.submission_id = r.rechecked_submission_id "
                + "where r.submission_id = ? order by 1", rs -> new Rechecked(rs.getLong(1), rs.getString(2)), submissionId);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        for (Rechecked old : rechecked) {
            Optional<SubjectDefinition> subject = Optional.ofNullable(old.subject()).flatMap(subjects::find);
            if (subject.isEmpty()) {
                continue;
            }
            int removed = Sql.update(c, "delete from " + subject.get().target() + " where submission_id = ?", old.submissionId());
            Sql.update(c, "update etl_submission set status = 'superseded', superseded_by = ? "
                    + "where submission_id = ? and status in ('loaded', 'loaded_with_warnings')", submissionId, old.submissionId());
            if (removed > 0) {
                Sql.update(c, "insert into etl_replacement (submission_id, replaced_submission_id, facts_replaced, whole, "
                        + "replaced_at) values (?, ?, ?, true, ?)", submissionId, old.submissionId(), removed, now);
            }
        }
        return rechecked.isEmpty() ? null : rechecked.get(rechecked.size() - 1).submissionId();
    }

    /**
     * The warehouse's invariant, checked inside the transaction that could break it: for one submitter and key, the
     * live facts come from one submission, and for indicator subjects there is one live fact. A breach fails the step
     * and nothing of the submission is published.
     */
    private static void assertOneLiveVersion(Connection c, SubjectDefinition subject, long submissionId) throws SQLException {
        String region = subject.region().output();
        boolean measures = subject.hasMeasures();
        String sql = """
                select f.%1$s, %2$s, f.period, count(*), count(distinct f.submission_id)
                from %3$s as f
                join etl_submission as sub on sub.submission_id = f.submission_id
                where sub.submitter_code = (select submitter_code from etl_submission where submission_id = ?)
                  and (f.%1$s, %2$s, f.period) in (select %1$s, %4$s, period from %5$s where submission_id = ?)
                group by all
                having count(distinct f.submission_id) > 1 %6$s
                limit 1""".formatted(region, measures ? "f.indicator_code" : "''", subject.target(),
                measures ? "indicator_code" : "''", subject.stagingTable(), measures ? "or count(*) > 1" : "");
        Optional<String> breach = Sql.first(c, sql, rs -> rs.getLong(4) + " live facts from " + rs.getLong(5)
                + " submission(s) of one submitter for " + subject.name() + " " + rs.getString(1) + " " + rs.getString(2) + " "
                + rs.getString(3), submissionId, submissionId);
        if (breach.isPresent()) {
            throw new IllegalStateException("Submission " + submissionId + " would leave " + breach.get());
        }
    }

    private static int[] counts(Connection c, long submissionId) throws SQLException {
        return Sql.first(c, """
                select count(*),
                       count(*) filter (where outcome = ?),
                       count(*) filter (where outcome = ?)
                from stg_row where submission_id = ?""", rs -> new int[]{rs.getInt(1), rs.getInt(2), rs.getInt(3)},
                RowOutcome.REJECTED.code(), RowOutcome.WARNED.code(), submissionId).orElseThrow();
    }

    /** The period the submission covers: one label, or a year range for multi-year workbooks. */
    private static String periodOf(Connection c, SubjectDefinition subject, long submissionId) throws SQLException {
        return Sql.first(c, "select min(period), max(period), min(year), max(year), count(distinct period) from "
                + subject.stagingTable() + " where submission_id = ?",
                rs -> rs.getInt(5) == 0 ? null : rs.getInt(5) == 1 ? rs.getString(1) : rs.getInt(3) + "-" + rs.getInt(4),
                submissionId).orElse(null);
    }

    private static String queryString(Connection c, String sql, long id) throws SQLException {
        return Sql.first(c, sql, rs -> rs.getString(1), id).orElse(null);
    }
}

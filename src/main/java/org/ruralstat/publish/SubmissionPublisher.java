package org.ruralstat.publish;

import org.ruralstat.read.ReceiptSheet;
import org.ruralstat.stage.Justifications;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.validate.RowOutcome;
import org.ruralstat.warehouse.ReusedStatements;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves staged submissions into the facts, many in one DuckDB transaction: their accepted rows in, the live facts of
 * the same submitter and subject whose keys they report out, the ledger updated last; their staging rows leave once
 * the step has published every staged submission. An analyst sees the old version or the new one, never a mix; a
 * rejected file never reaches a fact table.
 *
 * <p>A submission's publishing reads and writes only what belongs to its submitter (its facts, their versions, its
 * justifications), so the submissions of different submitters do not see one another and are published together,
 * set by set, in batches: the first staged submission of every submitter, then the second, and so on, each batch one
 * transaction of at most {@code batchSize} submissions. A submitter's own submissions stay one per batch, oldest
 * first, as if published one at a time (docs/decisions.md).
 */
public final class SubmissionPublisher {

    private static final Logger log = LoggerFactory.getLogger(SubmissionPublisher.class);
    /** Submissions per transaction unless configured ({@code ruralstat.publish-batch}). */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** A replacement recorded: the new submission, the one it replaced, how many facts, whether wholly. */
    private static final String INSERT_REPLACEMENT = "insert into etl_replacement (submission_id, replaced_submission_id, "
            + "facts_replaced, whole, replaced_at) values (?, ?, ?, ?, ?)";

    private final Warehouse warehouse;
    private final SubjectCatalog subjects;
    private final SubmissionLedger ledger;
    private final int batchSize;
    private final Runnable afterEach;

    public SubmissionPublisher(Warehouse warehouse, SubjectCatalog subjects, SubmissionLedger ledger) {
        this(warehouse, subjects, ledger, DEFAULT_BATCH_SIZE, () -> { });
    }

    /**
     * With the submissions per transaction and an action run for each submission once its batch has committed (a
     * crash drill holds the run there).
     */
    public SubmissionPublisher(Warehouse warehouse, SubjectCatalog subjects, SubmissionLedger ledger, int batchSize,
                               Runnable afterEach) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a publishing batch holds at least one submission, not " + batchSize);
        }
        this.warehouse = warehouse;
        this.subjects = subjects;
        this.ledger = ledger;
        this.batchSize = batchSize;
        this.afterEach = afterEach;
    }

    /**
     * Publishes every staged submission, batch by batch, then removes the staging rows of every settled submission in
     * one statement a table, not nine statements a file (docs/decisions.md). Rows a killed run left behind go at the
     * end of the next one; every query of staging names its own submission, so they are never read meanwhile.
     */
    public List<PublishResult> publishStaged() throws SQLException {
        List<PublishResult> results = new ArrayList<>();
        for (List<Staged> batch : batches()) {
            for (PublishResult result : warehouse.inTransaction(c -> publish(c, batch))) {
                logResult(result);
                results.add(result);
                afterEach.run();
            }
        }
        ledger.clearSettledStaging();
        return results;
    }

    /** One staged submission published on its own. */
    PublishResult publish(long submissionId) throws SQLException {
        PublishResult result = warehouse.inTransaction(c -> publish(c, List.of(staged(c, submissionId)))).get(0);
        logResult(result);
        return result;
    }

    private static void logResult(PublishResult result) {
        log.info("Submission {} ({}, {}): {} — {} rows read, {} loaded, {} rejected, {} warned",
                result.submissionId(), result.subject(), result.period(), result.status().code(), result.rowsRead(),
                result.rowsLoaded(), result.rowsRejected(), result.rowsWarned());
    }

    /**
     * A staged submission: its submitter, its subject as the reader found it (null when none), and its wave (the
     * submitter's first staged submission is in wave 1, its second in wave 2).
     */
    private record Staged(long submissionId, String submitterCode, String subject, long wave) {
    }

    /** The staged submissions in batches: a submitter's n-th staged submission in the n-th wave, waves cut to size. */
    private List<List<Staged>> batches() throws SQLException {
        List<List<Staged>> batches = new ArrayList<>();
        try (Connection c = warehouse.connect()) {
            List<Staged> batch = new ArrayList<>();
            for (Staged staged : Sql.list(c, """
                    select submission_id, submitter_code, subject,
                           row_number() over (partition by submitter_code order by submission_id) as wave
                    from etl_submission where status = ?
                    order by wave, submission_id""", rs -> new Staged(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getLong(4)), SubmissionStatus.STAGED.code())) {
                if (!batch.isEmpty() && (batch.get(0).wave() != staged.wave() || batch.size() == batchSize)) {
                    batches.add(batch);
                    batch = new ArrayList<>();
                }
                batch.add(staged);
            }
            if (!batch.isEmpty()) {
                batches.add(batch);
            }
        }
        return batches;
    }

    private static Staged staged(Connection c, long submissionId) throws SQLException {
        return Sql.first(c, "select submission_id, submitter_code, subject from etl_submission where submission_id = ?",
                rs -> new Staged(rs.getLong(1), rs.getString(2), rs.getString(3), 1), submissionId).orElseThrow(
                () -> new IllegalStateException("no submission " + submissionId));
    }

    /** What the staged rows say of one submission, before it is published. */
    private record Tally(int read, int rejected, int warned) {
    }

    /** Publishes a batch (one submission per submitter) in the caller's transaction. */
    private List<PublishResult> publish(Connection c, List<Staged> batch) throws SQLException {
        List<Long> ids = batch.stream().map(Staged::submissionId).toList();
        String idList = Sql.ids(ids);
        Map<Long, Tally> tallies = Sql.map(c, """
                select submission_id, count(*),
                       count(*) filter (where outcome = ?),
                       count(*) filter (where outcome = ?)
                from stg_row where submission_id in %s group by submission_id""".formatted(idList),
                rs -> rs.getLong(1), rs -> new Tally(rs.getInt(2), rs.getInt(3), rs.getInt(4)),
                RowOutcome.REJECTED.code(), RowOutcome.WARNED.code());
        // the first file-level error in the order the checks recorded it
        Map<Long, String> fileErrors = Sql.map(c, """
                select submission_id, min_by(message_zh, rowid) from etl_issue
                where submission_id in %s and row_number is null and severity = 'error'
                group by submission_id""".formatted(idList), rs -> rs.getLong(1), rs -> rs.getString(2));
        Map<String, SubjectDefinition> definitions = new LinkedHashMap<>();
        for (Staged staged : batch) {
            Optional.ofNullable(staged.subject()).flatMap(subjects::find).ifPresent(d -> definitions.putIfAbsent(d.name(), d));
        }
        Map<Long, String> periods = new HashMap<>();
        for (SubjectDefinition subject : definitions.values()) {
            periods.putAll(periods(c, subject, idList));
        }

        List<Decision> decisions = new ArrayList<>();
        Map<SubjectDefinition, List<Long>> loading = new LinkedHashMap<>();
        for (Staged staged : batch) {
            long id = staged.submissionId();
            SubjectDefinition subject = staged.subject() == null ? null : definitions.get(staged.subject());
            Decision decision = decide(staged, subject, tallies.getOrDefault(id, new Tally(0, 0, 0)), fileErrors.get(id),
                    subject == null ? null : periods.get(id));
            if (decision.loads()) {
                loading.computeIfAbsent(subject, k -> new ArrayList<>()).add(id);
            }
            decisions.add(decision);
        }

        Map<Long, Long> supersedes = new HashMap<>();
        for (Map.Entry<SubjectDefinition, List<Long>> subject : loading.entrySet()) {
            String loadList = Sql.ids(subject.getValue());
            supersedes.putAll(supersede(c, subject.getKey(), loadList));
            Sql.update(c, "insert into " + subject.getKey().target() + " by name select * from "
                    + subject.getKey().stagingTable() + " where submission_id in " + loadList);
            assertOneLiveVersion(c, subject.getKey(), loadList);
        }
        List<Long> loaded = loading.values().stream().flatMap(List::stream).toList();
        if (!loaded.isEmpty()) {
            Justifications.carryForward(c, loaded);
            Justifications.remember(c, loaded);
        }
        Map<Long, Long> rechecked = retireRechecked(c, idList);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        List<PublishResult> published = new ArrayList<>();
        try (ReusedStatements sql = new ReusedStatements(c)) {
            for (Decision decision : decisions) {
                PublishResult result = decision.result();
                long id = result.submissionId();
                Long replaced = supersedes.containsKey(id) ? supersedes.get(id) : rechecked.get(id);
                PublishResult done = new PublishResult(id, result.subject(), result.period(), result.status(),
                        result.rowsRead(), result.rowsLoaded(), result.rowsRejected(), result.rowsWarned(), replaced);
                sql.update("""
                        update etl_submission
                        set status = ?, status_reason = ?, period = ?, rows_read = ?, rows_loaded = ?, rows_rejected = ?,
                            rows_warned = ?, supersedes = ?, published_at = ?
                        where submission_id = ?""", done.status().code(), decision.reason(), done.period(), done.rowsRead(),
                        done.rowsLoaded(), done.rowsRejected(), done.rowsWarned(), replaced, now, id);
                published.add(done);
            }
        }
        return published;
    }

    /** What publishing does with one submission: its outcome, the reason the ledger gives, whether its facts load. */
    private record Decision(PublishResult result, String reason, boolean loads) {
    }

    /** The outcome of a submission from what its staged rows and findings say; no replacement known yet. */
    private static Decision decide(Staged staged, SubjectDefinition subject, Tally tally, String fileError, String period) {
        int read = tally.read();
        int rejected = tally.rejected();
        int warned = tally.warned();
        SubmissionStatus status;
        String reason;
        boolean loads = false;
        if (fileError == null && read > 0 && ReceiptSheet.SUBJECT.equals(staged.subject())) {
            // a 回执 sent back: its lines are justifications, settled when it was checked; it loads no fact
            status = warned == read ? SubmissionStatus.REJECTED
                    : warned > 0 ? SubmissionStatus.LOADED_WITH_WARNINGS : SubmissionStatus.LOADED;
            reason = warned == read ? "回执中的说明均未采用" : (read - warned) + " 条说明已采用"
                    + (warned > 0 ? "，" + warned + " 条未采用" : "");
            rejected = status == SubmissionStatus.REJECTED ? read : 0;
            warned = status == SubmissionStatus.REJECTED ? 0 : warned;
        } else if (fileError != null || subject == null || read == 0) {
            status = SubmissionStatus.REJECTED;
            reason = fileError != null ? fileError : "没有可读取的数据行";
            rejected = read;
            warned = 0;
        } else if (rejected == read) {
            status = SubmissionStatus.REJECTED;
            reason = "所有数据行均有错误，未入库";
        } else {
            loads = true;
            status = warned > 0 ? SubmissionStatus.LOADED_WITH_WARNINGS : SubmissionStatus.LOADED;
            reason = rejected > 0 ? rejected + " 行有错误未入库" : warned > 0 ? warned + " 行有警告" : null;
        }
        return new Decision(new PublishResult(staged.submissionId(), staged.subject(), period, status, read,
                status == SubmissionStatus.REJECTED ? 0 : read - rejected, rejected, warned, null), reason, loads);
    }

    /**
     * Retires, in the live submissions of the same submitter and subject, the facts whose key (region, indicator,
     * period) a new submission reports, through an accepted row or a rejected one: a version is the set of keys it
     * reports, so parts of one return (第一片区, 第二片区) coexist and a correction covering more years than the version
     * it corrects leaves no fact twice. An earlier submission left with no live fact is superseded; each replacement
     * is recorded in {@code etl_replacement}. Returns, for each new submission that replaced any fact, the newest
     * submission it wholly or partly replaced. The new submissions are of different submitters.
     */
    private static Map<Long, Long> supersede(Connection c, SubjectDefinition subject, String newIds) throws SQLException {
        String region = subject.region().output();
        boolean measures = subject.hasMeasures();
        String sameKey = """
                (select s.submission_id as new_id, s.%1$s as region_code, %2$s as indicator_code, s.period
                 from %3$s as s where s.submission_id in %5$s
                 union
                 select k.submission_id, k.region_code, k.indicator_code, k.period from stg_key as k
                 where k.submission_id in %5$s) as reported,
                etl_submission as new, etl_submission as old
                where new.submission_id = reported.new_id
                  and f.%1$s = reported.region_code and f.period = reported.period
                  %4$s
                  and old.submission_id = f.submission_id and old.submitter_code = new.submitter_code
                  and old.subject = ? and old.submission_id <> new.submission_id
                  and old.status in ('loaded', 'loaded_with_warnings')"""
                .formatted(region, measures ? "s.indicator_code" : "null", subject.stagingTable(),
                        measures ? "and f.indicator_code = reported.indicator_code" : "", newIds);
        List<long[]> replaced = Sql.list(c, "select reported.new_id, f.submission_id, count(*) from " + subject.target()
                + " as f, " + sameKey + " group by all order by 1, 2",
                rs -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}, subject.name());
        if (replaced.isEmpty()) {
            return Map.of();
        }
        Sql.update(c, "delete from " + subject.target() + " as f using " + sameKey, subject.name());
        Set<Long> stillLive = new HashSet<>(Sql.list(c, "select distinct submission_id from " + subject.target()
                + " where submission_id in " + Sql.ids(replaced.stream().map(r -> r[1]).toList()), rs -> rs.getLong(1)));
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        Map<Long, Long> newest = new HashMap<>();
        try (ReusedStatements sql = new ReusedStatements(c)) {
            for (long[] old : replaced) {
                boolean whole = !stillLive.contains(old[1]);
                if (whole) {
                    sql.update("update etl_submission set status = 'superseded', superseded_by = ? where submission_id = ?",
                            old[0], old[1]);
                }
                sql.update(INSERT_REPLACEMENT, old[0], old[1], old[2], whole, now);
                newest.put(old[0], old[1]);
            }
        }
        return newest;
    }

    /**
     * A submission that reads an earlier one's unchanged file again (ruralstat recheck) replaces all of it, whatever
     * its own outcome: what the earlier reading loaded and the current definitions and seeds no longer accept (a region
     * code retired from the list, say) leaves the facts too. Returns, for each recheck among the submissions, the
     * earlier submission.
     */
    private Map<Long, Long> retireRechecked(Connection c, String ids) throws SQLException {
        record Rechecked(long submissionId, long rechecked, String subject) {
        }
        List<Rechecked> rechecks = Sql.list(c, "select r.submission_id, r.rechecked_submission_id, old.subject "
                + "from etl_recheck as r join etl_submission as old on old.submission_id = r.rechecked_submission_id "
                + "where r.submission_id in " + ids + " order by 1, 2",
                rs -> new Rechecked(rs.getLong(1), rs.getLong(2), rs.getString(3)));
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        Map<Long, Long> newest = new HashMap<>();
        for (Rechecked old : rechecks) {
            newest.put(old.submissionId(), old.rechecked());
            Optional<SubjectDefinition> subject = Optional.ofNullable(old.subject()).flatMap(subjects::find);
            if (subject.isEmpty()) {
                continue;
            }
            int removed = Sql.update(c, "delete from " + subject.get().target() + " where submission_id = ?", old.rechecked());
            Sql.update(c, "update etl_submission set status = 'superseded', superseded_by = ? "
                    + "where submission_id = ? and status in ('loaded', 'loaded_with_warnings')", old.submissionId(),
                    old.rechecked());
            if (removed > 0) {
                Sql.update(c, INSERT_REPLACEMENT, old.submissionId(), old.rechecked(), removed, true, now);
            }
        }
        return newest;
    }

    /**
     * The warehouse's invariant, checked inside the transaction that could break it: for one submitter and key, the
     * live facts come from one submission, and for indicator subjects there is one live fact. A breach fails the step
     * and nothing of the batch is published.
     */
    private static void assertOneLiveVersion(Connection c, SubjectDefinition subject, String newIds) throws SQLException {
        String region = subject.region().output();
        boolean measures = subject.hasMeasures();
        String sql = """
                select f.%1$s, %2$s, f.period, count(*), count(distinct f.submission_id), sub.submitter_code
                from %3$s as f
                join etl_submission as sub on sub.submission_id = f.submission_id
                where (sub.submitter_code, f.%1$s, %2$s, f.period) in (
                    select n.submitter_code, s.%1$s, %4$s, s.period from %5$s as s
                    join etl_submission as n on n.submission_id = s.submission_id
                    where s.submission_id in %6$s)
                group by all
                having count(distinct f.submission_id) > 1 %7$s
                limit 1""".formatted(region, measures ? "f.indicator_code" : "''", subject.target(),
                measures ? "s.indicator_code" : "''", subject.stagingTable(), newIds, measures ? "or count(*) > 1" : "");
        Optional<String> breach = Sql.first(c, sql, rs -> rs.getLong(4) + " live facts from " + rs.getLong(5)
                + " submission(s) of submitter " + rs.getString(6) + " for " + subject.name() + " " + rs.getString(1) + " "
                + rs.getString(2) + " " + rs.getString(3));
        if (breach.isPresent()) {
            throw new IllegalStateException("Publishing submission(s) " + newIds + " would leave " + breach.get());
        }
    }

    /** The period each submission covers: one label, or a year range for multi-year workbooks. */
    private static Map<Long, String> periods(Connection c, SubjectDefinition subject, String ids) throws SQLException {
        return Sql.map(c, "select submission_id, min(period), max(period), min(year), max(year), "
                + "count(distinct period) from " + subject.stagingTable() + " where submission_id in " + ids
                + " group by submission_id", rs -> rs.getLong(1), rs -> rs.getInt(6) == 0 ? null
                : rs.getInt(6) == 1 ? rs.getString(2) : rs.getInt(4) + "-" + rs.getInt(5));
    }
}

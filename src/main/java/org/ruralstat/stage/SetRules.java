package org.ruralstat.stage;

import org.ruralstat.read.Location;
import org.ruralstat.subject.RuleDefinition;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.validate.Finding;
import org.ruralstat.validate.RuleCatalog;
import org.ruralstat.validate.Severity;
import org.ruralstat.warehouse.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The set rules a subject declares (unique, not_above, year_on_year, overlapping_postings, total_matches,
 * prior_year_revision), run as SQL over the staged rows of a group of submissions, each compared only with its own. Error hits leave staging, so they never reach a fact table; every hit
 * becomes a finding. Runs in the caller's transaction and clears its own earlier findings first, so it can be
 * repeated after a crash.
 */
public final class SetRules {

    private static final Logger log = LoggerFactory.getLogger(SetRules.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    private final RuleCatalog rules;

    public SetRules(RuleCatalog rules) {
        this.rules = rules;
    }

    /**
     * Checks submissions of one subject together, each rule one query over all of them; returns how many findings
     * each submission got (only those with findings).
     */
    public Map<Long, Integer> check(Connection c, Collection<Long> submissionIds, SubjectDefinition subject)
            throws SQLException {
        String submissions = Sql.ids(submissionIds);
        List<String> ids = subject.setRules().stream().map(RuleDefinition::id).toList();
        if (!ids.isEmpty()) {
            Sql.update(c, "delete from etl_issue where submission_id in " + submissions + " and rule in ("
                    + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", ids.toArray());
        }
        Map<Long, Integer> found = new TreeMap<>();
        try (SetRuleFindings findings = new SetRuleFindings(c)) {
            for (RuleDefinition rule : subject.setRules()) {
                SetRuleQueries.HitSink hits = hit -> findings.add(hit.submissionId(), rules.finding(rule.id(),
                        new Location(hit.sheet(), hit.sourceRow(), hit.column(), hit.cellRef(), hit.rawValue()), hit.params()));
                switch (rule.kind()) {
                    case "unique" -> SetRuleQueries.unique(c, submissions, subject, identifiers(rule.list("key")), hits);
                    case "not_above" -> SetRuleQueries.notAbove(c, submissions, subject, rule.text("indicator"),
                            rule.text("limit"), hits);
                    case "year_on_year" -> SetRuleQueries.yearOnYear(c, submissions, subject, rule.number("max_change"), hits);
                    case "overlapping_postings" -> SetRuleQueries.overlappingPostings(c, submissions, subject, hits);
                    case "total_matches" -> SetRuleQueries.totalsMatch(c, submissions, subject, hits);
                    case "prior_year_revision" -> SetRuleQueries.priorYearRevision(c, submissions, subject, hits);
                    default -> throw new IllegalStateException(rule.id() + ": unknown set rule kind " + rule.kind());
                }
                findings.apply(subject, rules.rule(rule.id()).severity() == Severity.ERROR)
                        .forEach((id, n) -> found.merge(id, n, Integer::sum));
            }
        }
        found.forEach((id, n) -> log.info("Submission {}: set rules found {} problem(s)", id, n));
        return found;
    }

    static void insert(Connection c, long submissionId, Finding f) throws SQLException {
        Sql.update(c, """
                insert into etl_issue (submission_id, sheet, row_number, column_name, cell_ref, raw_value, rule, severity,
                    message_zh, message_en)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", submissionId, f.sheet(), f.rowNumber(), f.column(), f.cellRef(),
                f.rawValue(), f.rule(), f.severity().code(), f.messageZh(), f.messageEn());
    }

    private static List<String> identifiers(List<String> names) {
        for (String name : names) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a column name: " + name);
            }
        }
        return names;
    }

    /** What is done with each row of a query, as it is read. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(Map<String, Object> row) throws SQLException;
    }

    /** Rows of a rule's hits read into the heap at a time. */
    static final int PAGE = 10_000;

    /**
     * Hands on the rows of a query (which ends with its {@code order by}), each page read whole before any is handed on
     * (the findings are appended on the same connection, which must hold no open result). Most rules find nothing or
     * little: up to a page of hits is read in one statement. A rule with more runs again into a temporary table inside
     * DuckDB, read a page at a time, so that half a million hits are never held at once: a 1,050,960-row return with
     * many year-on-year warnings ran out of a 512 MB heap when they were listed first.
     */
    static void forEach(Connection c, String sql, RowConsumer consumer, Object... params) throws SQLException {
        if (handedOnInOnePage(c, sql, consumer, params)) {
            return;
        }
        Sql.update(c, "create or replace temp table set_rule_hit as " + sql, params);
        try {
            // rows of a table made inside a transaction number from a large offset, not from 0
            Object first = query(c, "select min(rowid) as first from set_rule_hit").get(0).get("first");
            if (first == null) {
                return;
            }
            for (long from = ((Number) first).longValue(); ; from += PAGE) {
                List<Map<String, Object>> page = query(c, "select * from set_rule_hit where rowid >= ? and rowid < ? "
                        + "order by rowid", from, from + PAGE);
                for (Map<String, Object> row : page) {
                    consumer.accept(row);
                }
                if (page.size() < PAGE) {
                    return;
                }
            }
        } finally {
            Sql.update(c, "drop table if exists set_rule_hit");
        }
    }

    /** Hands on the query's rows when they fit in one page; false, and nothing handed on, when they do not. */
    private static boolean handedOnInOnePage(Connection c, String sql, RowConsumer consumer, Object... params)
            throws SQLException {
        List<Map<String, Object>> rows = query(c, sql + "\nlimit " + (PAGE + 1), params);
        if (rows.size() > PAGE) {
            return false;
        }
        for (Map<String, Object> row : rows) {
            consumer.accept(row);
        }
        return true;
    }

    static List<Map<String, Object>> query(Connection c, String sql, Object... params) throws SQLException {
        return Sql.list(c, sql, rs -> {
            int n = rs.getMetaData().getColumnCount();
            Map<String, Object> row = new HashMap<>();
            for (int i = 1; i <= n; i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
            }
            return row;
        }, params);
    }

    static String plain(Object value) {
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return value == null ? "" : value.toString();
    }
}

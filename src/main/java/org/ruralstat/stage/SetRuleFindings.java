package org.ruralstat.stage;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.validate.Finding;
import org.ruralstat.validate.RowOutcome;
import org.ruralstat.warehouse.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The findings of one set rule, gathered in a temporary table through the DuckDB Appender and then applied in four
 * statements: recorded in {@code etl_issue}, and their rows taken out of staging (errors) or marked warned. A
 * statement per finding made a file with fifty thousand duplicate rows take minutes; so did multi-row inserts of a
 * few hundred findings (199,020 duplicates of a 200,000-row return: 68 s in the check step, DuckDB preparing and
 * running 5,000-parameter statements).
 */
final class SetRuleFindings implements AutoCloseable {

    private static final String COLUMNS = "sheet, row_number, column_name, cell_ref, raw_value, rule, severity, message_zh, message_en";

    private final Connection connection;
    private final DuckDBAppender appender;
    private int added;
    private final Map<Long, Integer> perSubmission = new HashMap<>();

    SetRuleFindings(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute("create or replace temp table set_rule_finding (seq integer, submission_id bigint, sheet varchar, "
                    + "row_number integer, "
                    + "column_name varchar, cell_ref varchar, raw_value varchar, rule varchar, severity varchar, "
                    + "message_zh varchar, message_en varchar)");
        }
        this.appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", "set_rule_finding");
    }

    void add(long submissionId, Finding f) throws SQLException {
        appender.beginRow();
        appender.append(added++);
        appender.append(submissionId);
        perSubmission.merge(submissionId, 1, Integer::sum);
        text(f.sheet());
        if (f.rowNumber() == null) {
            appender.appendNull();
        } else {
            appender.append((int) f.rowNumber());
        }
        text(f.column());
        text(f.cellRef());
        text(f.rawValue());
        text(f.rule());
        text(f.severity().code());
        text(f.messageZh());
        text(f.messageEn());
        appender.endRow();
        if (added % SetRules.PAGE == 0) {
            // a page of hits ends here, and the next page is read on this connection: nothing stays buffered across it
            appender.flush();
        }
    }

    private void text(String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    /**
     * Records the rule's findings and applies them to their submissions' staging; returns how many each submission
     * got (only submissions with findings).
     */
    Map<Long, Integer> apply(SubjectDefinition subject, boolean errors) throws SQLException {
        appender.flush();
        Map<Long, Integer> found = Map.copyOf(perSubmission);
        if (!found.isEmpty()) {
            String ids = Sql.ids(found.keySet());
            String hit = "exists (select 1 from set_rule_finding as f where f.submission_id = s.submission_id "
                    + "and f.sheet = s.sheet and f.row_number = s.source_row)";
            Sql.update(connection, "insert into etl_issue (submission_id, " + COLUMNS + ") select submission_id, " + COLUMNS
                    + " from set_rule_finding order by seq");
            if (errors) {
                Sql.update(connection, "delete from " + subject.stagingTable() + " as s where submission_id in " + ids
                        + " and " + hit);
                Sql.update(connection, "update stg_row as s set outcome = " + RowOutcome.REJECTED.sql()
                        + " where submission_id in " + ids + " and " + hit);
            } else {
                Sql.update(connection, "update stg_row as s set outcome = " + RowOutcome.WARNED.sql() + " where submission_id in "
                        + ids + " and outcome = " + RowOutcome.LOADED.sql() + " and " + hit);
            }
            Sql.update(connection, "delete from set_rule_finding");
        }
        perSubmission.clear();
        added = 0;
        return found;
    }

    @Override
    public void close() throws SQLException {
        try {
            appender.close();
        } finally {
            try (Statement s = connection.createStatement()) {
                s.execute("drop table if exists set_rule_finding");
            }
        }
    }
}

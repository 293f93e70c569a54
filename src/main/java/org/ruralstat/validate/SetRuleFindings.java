package org.ruralstat.validate;

import org.ruralstat.subject.SubjectDefinition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The findings of one set rule, gathered in a temporary table a few hundred at a time and then applied in four
 * statements: recorded in {@code etl_issue}, and their rows taken out of staging (errors) or marked warned. A
 * statement per finding made a file with fifty thousand duplicate rows take minutes.
 */
final class SetRuleFindings implements AutoCloseable {

    private static final int BATCH = 500;
    private static final String COLUMNS = "sheet, row_number, column_name, cell_ref, raw_value, rule, severity, message_zh, message_en";

    private final Connection connection;
    private final List<Finding> pending = new ArrayList<>(BATCH);
    private int added;

    SetRuleFindings(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute("create or replace temp table set_rule_finding (seq integer, sheet varchar, row_number integer, "
                    + "column_name varchar, cell_ref varchar, raw_value varchar, rule varchar, severity varchar, "
                    + "message_zh varchar, message_en varchar)");
        }
    }

    void add(Finding finding) throws SQLException {
        pending.add(finding);
        if (pending.size() == BATCH) {
            flush();
        }
    }

    /** Records the rule's findings and applies them to the submission's staging; returns how many there were. */
    int apply(long submissionId, SubjectDefinition subject, boolean errors) throws SQLException {
        flush();
        int count = added;
        if (count > 0) {
            String hit = "exists (select 1 from set_rule_finding as f where f.sheet = s.sheet and f.row_number = s.source_row)";
            SetRules.update(connection, "insert into etl_issue (submission_id, " + COLUMNS + ") select ?, " + COLUMNS
                    + " from set_rule_finding order by seq", submissionId);
            if (errors) {
                SetRules.update(connection, "delete from " + subject.stagingTable() + " as s where submission_id = ? and " + hit,
                        submissionId);
                SetRules.update(connection, "update stg_row as s set outcome = 'rejected' where submission_id = ? and " + hit,
                        submissionId);
            } else {
                SetRules.update(connection, "update stg_row as s set outcome = 'warned' where submission_id = ? "
                        + "and outcome = 'loaded' and " + hit, submissionId);
            }
        }
        SetRules.update(connection, "delete from set_rule_finding");
        added = 0;
        return count;
    }

    private void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        String values = String.join(", ", Collections.nCopies(pending.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        try (PreparedStatement s = connection.prepareStatement("insert into set_rule_finding values " + values)) {
            int p = 1;
            for (Finding f : pending) {
                s.setInt(p++, added++);
                s.setString(p++, f.sheet());
                s.setObject(p++, f.rowNumber());
                s.setString(p++, f.column());
                s.setString(p++, f.cellRef());
                s.setString(p++, f.rawValue());
                s.setString(p++, f.rule());
                s.setString(p++, f.severity().code());
                s.setString(p++, f.messageZh());
                s.setString(p++, f.messageEn());
            }
            s.executeUpdate();
        }
        pending.clear();
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("drop table if exists set_rule_finding");
        }
    }
}

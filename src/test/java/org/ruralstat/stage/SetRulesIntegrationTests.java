package org.ruralstat.stage;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule's hits are handed on page by page, in the query's order, inside the caller's transaction or outside it. */
class SetRulesIntegrationTests {

    @Test
    void everyHitIsHandedOnOnceInOrderAcrossPagesInsideATransaction() throws Exception {
        int rows = 2 * SetRules.PAGE + 7;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("create table staged as select range as n from range(" + rows + ")");
            for (boolean inTransaction : new boolean[]{false, true}) {
                c.setAutoCommit(!inTransaction);
                List<Long> seen = new ArrayList<>();
                SetRules.forEach(c, "select n from staged where n % 1 = ? order by n desc",
                        row -> seen.add(((Number) row.get("n")).longValue()), 0);
                assertThat(seen).hasSize(rows);
                assertThat(seen.get(0)).isEqualTo(rows - 1);
                assertThat(seen.get(rows - 1)).isZero();
                assertThat(seen).isSortedAccordingTo((a, b) -> Long.compare(b, a));
                if (inTransaction) {
                    c.commit();
                }
            }
        }
    }

    /** Up to a page is read in one statement, more through a temporary table: both sides of the edge, in order. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, SetRules.PAGE - 1, SetRules.PAGE, SetRules.PAGE + 1})
    void aPageAndOneMoreAreHandedOnWholeAndInOrder(int rows) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("create table staged as select range as n from range(" + rows + ")");
            c.setAutoCommit(false);
            List<Long> seen = new ArrayList<>();
            SetRules.forEach(c, "select n from staged where n >= ? order by n desc",
                    row -> seen.add(((Number) row.get("n")).longValue()), 0);
            assertThat(seen).hasSize(rows).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
            try (var rs = s.executeQuery("select count(*) from duckdb_tables() where table_name = 'set_rule_hit'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("no hit table left behind").isZero();
            }
        }
    }

    @Test
    void aQueryWithoutHitsHandsOnNothing() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("create table staged (n integer)");
            List<Object> seen = new ArrayList<>();
            SetRules.forEach(c, "select n from staged", seen::add);
            assertThat(seen).isEmpty();
        }
    }
}

package org.ruralstat.stage;

import org.ruralstat.warehouse.TableColumns;
import org.ruralstat.warehouse.Warehouse;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Staging through a CSV file DuckDB loads itself must store exactly what the Appender stores, whatever the text:
 * quotes, separators, line breaks, NUL, characters outside the BMP, empty text against null, a row longer than
 * DuckDB's default line limit; and it must never load a part of what was written.
 */
class SpillFileIntegrationTests {

    private static final String TABLE = """
            (submission_id bigint not null, source_row integer not null, name varchar, note varchar, born date,
             hours decimal(9, 1), promoted boolean, head_count bigint, seen timestamp)""";

    @TempDir
    Path temp;

    @Test
    void storesEveryValueAsTheAppenderDoes() throws Exception {
        List<Map<String, Object>> rows = awkwardRows();
        try (Warehouse warehouse = new Warehouse(temp); DuckDBConnection c = warehouse.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table by_appender " + TABLE);
                s.execute("create table by_copy " + TABLE);
            }
            TableColumns appended = TableColumns.of(c, "by_appender");
            try (DuckDBAppender appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "by_appender")) {
                for (Map<String, Object> row : rows) {
                    Map<String, Object> withSubmission = new HashMap<>(row);
                    withSubmission.put("submission_id", 7L);
                    appended.append(appender, withSubmission);
                }
            }
            TableColumns copied = TableColumns.of(c, "by_copy");
            SpillFile file = new SpillFile(warehouse.spillDirectory(), copied, 7);
            for (Map<String, Object> row : rows) {
                file.append(SpillFile.line(copied, row));
            }
            assertThat(file.pendingRows()).isEqualTo(rows.size());
            assertThat(file.load(c)).isEqualTo(rows.size());
            assertThat(file.pendingRows()).isZero();
            assertThat(file.file()).doesNotExist();

            try (Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from by_copy")).isEqualTo(rows.size());
                assertThat(count(s, "select count(*) from (select * from by_appender except all select * from by_copy)")).isZero();
                assertThat(count(s, "select count(*) from (select * from by_copy except all select * from by_appender)")).isZero();
                assertThat(text(s, "select name from by_copy where source_row = 3")).isEmpty();
                assertThat(count(s, "select count(*) from by_copy where source_row = 4 and name is null")).isEqualTo(1);
                assertThat(text(s, "select note from by_copy where source_row = 2")).isEqualTo("他说\"好\",\r\n然后\t走了\u0000。𠀀");
                assertThat(count(s, "select length(note) from by_copy where source_row = 6")).isEqualTo(800_000);
                assertThat(text(s, "select hours::varchar from by_copy where source_row = 5")).isEqualTo("-12.4");
                assertThat(text(s, "select year(born) from by_copy where source_row = 7")).isEqualTo("10003");
            }
        }
    }

    @Test
    void loadsInTheCallersTransactionAndForgetsWhatItDropped() throws Exception {
        try (Warehouse warehouse = new Warehouse(temp); DuckDBConnection c = warehouse.connect()) {
            SpillFile file = spillFileOfNewTable(warehouse, c);
            append(file, c, Map.of("source_row", 1, "name", "甲"));
            c.setAutoCommit(false);
            file.load(c);
            c.rollback();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from t")).isZero();
            }

            append(file, c, Map.of("source_row", 2, "name", "乙"));
            assertThat(Files.exists(file.file())).isTrue();
            file.close();
            assertThat(file.file()).doesNotExist();
            assertThat(file.pendingRows()).isZero();
            assertThat(file.load(c)).isZero();
        }
    }

    @Test
    void refusesARowTheTableCannotHold() throws Exception {
        try (Warehouse warehouse = new Warehouse(temp); DuckDBConnection c = warehouse.connect()) {
            SpillFile file = spillFileOfNewTable(warehouse, c);
            assertThatThrownBy(() -> append(file, c, Map.of("source_row", "第一行")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("t.source_row");
            append(file, c, Map.of("name", "no source row"));
            assertThatThrownBy(() -> file.load(c)).isInstanceOf(SQLException.class);
            try (Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from t")).isZero();
            }
            file.close();
        }
    }

    @Test
    void aLineRenderedApartFromItsFileTakesTheFilesSubmissionId() throws Exception {
        try (Warehouse warehouse = new Warehouse(temp); DuckDBConnection c = warehouse.connect()) {
            SpillFile file = spillFileOfNewTable(warehouse, c);
            TableColumns columns = TableColumns.of(c, "t");
            List<SpillLine> lines = new ArrayList<>();
            Thread renderer = new Thread(() -> {
                try {
                    lines.add(SpillFile.line(columns, Map.of("source_row", 1, "name", "甲")));
                    lines.add(SpillFile.line(columns, Map.of("source_row", 2, "note", "乙,\"丙\"")));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            renderer.start();
            renderer.join();
            for (SpillLine line : lines) {
                file.append(line);
            }
            assertThat(file.load(c)).isEqualTo(2);
            try (Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from t where submission_id = 9")).isEqualTo(2);
                assertThat(text(s, "select name from t where source_row = 1")).isEqualTo("甲");
                assertThat(text(s, "select note from t where source_row = 2")).isEqualTo("乙,\"丙\"");
            }
        }
    }

    @Test
    void refusesALineOfAnotherTable() throws Exception {
        try (Warehouse warehouse = new Warehouse(temp); DuckDBConnection c = warehouse.connect()) {
            SpillFile file = spillFileOfNewTable(warehouse, c);
            try (Statement s = c.createStatement()) {
                s.execute("create table other " + TABLE);
            }
            SpillLine line = SpillFile.line(TableColumns.of(c, "other"), Map.of("source_row", 1));
            assertThatThrownBy(() -> file.append(line)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("other");
            assertThat(file.pendingRows()).isZero();
            file.close();
        }
    }

    /** Table {@code t} with the test's columns, and a spill file of submission 9 for it. */
    private static SpillFile spillFileOfNewTable(Warehouse warehouse, Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table t " + TABLE);
        }
        return new SpillFile(warehouse.spillDirectory(), TableColumns.of(c, "t"), 9);
    }

    /** Renders a row of table {@code t} and writes it to the file. */
    private static void append(SpillFile file, Connection c, Map<String, ?> row) throws SQLException {
        file.append(SpillFile.line(TableColumns.of(c, "t"), row));
    }

    private static List<Map<String, Object>> awkwardRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(1, "张*明", "plain", LocalDate.of(1975, 3, 1), new BigDecimal("12.5"), true, 3L,
                LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000)));
        rows.add(row(2, "\"quoted\"", "他说\"好\",\r\n然后\t走了\u0000。𠀀", LocalDate.of(2000, 2, 29), new BigDecimal("0.05"),
                false, -1L, null));
        rows.add(row(3, "", "   ", null, null, null, null, null));
        rows.add(row(4, null, "\\N", LocalDate.of(1, 1, 1), new BigDecimal("99999999.9"), null, Long.MAX_VALUE, null));
        rows.add(row(5, "trailing space ", ",,,", LocalDate.of(9999, 12, 31), new BigDecimal("-12.44"), true, 0L,
                LocalDateTime.of(1999, 12, 31, 23, 59, 59)));
        rows.add(row(6, "long", "汉".repeat(800_000), null, null, null, null, null));
        rows.add(row(7, "after 9999", "an Excel serial of the 1904 system", LocalDate.of(10003, 12, 31), null, null, null,
                LocalDateTime.of(10003, 12, 31, 0, 0)));
        return rows;
    }

    private static Map<String, Object> row(int sourceRow, String name, String note, LocalDate born, BigDecimal hours,
                                           Boolean promoted, Long headCount, LocalDateTime seen) {
        Map<String, Object> row = new HashMap<>();
        row.put("source_row", sourceRow);
        row.put("name", name);
        row.put("note", note);
        row.put("born", born);
        row.put("hours", hours);
        row.put("promoted", promoted);
        row.put("head_count", headCount);
        row.put("seen", seen);
        row.put("not_a_column", "ignored");
        return row;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

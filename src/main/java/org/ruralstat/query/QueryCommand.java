package org.ruralstat.query;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Read-only SQL on the published snapshot, printed as an aligned table or as CSV. It opens the snapshot
 * read-only, so it never blocks or disturbs a run.
 */
public final class QueryCommand {

    private QueryCommand() {
    }

    public static int execute(Path warehouse, boolean csv, String sql, PrintStream out, PrintStream err) {
        Path snapshot = warehouse.resolve("published").resolve("ruralstat.duckdb");
        if (!Files.exists(snapshot)) {
            err.println("ruralstat: no published warehouse at " + snapshot + "; run `ruralstat run` first");
            return 1;
        }
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + snapshot.toAbsolutePath(), properties);
             Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                out.println("OK");
                return 0;
            }
            try (ResultSet rs = statement.getResultSet()) {
                List<String[]> rows = rows(rs);
                if (csv) {
                    TablePrinter.csv(rows, out);
                } else {
                    TablePrinter.aligned(rows, out);
                }
            }
            return 0;
        } catch (SQLException e) {
            err.println("ruralstat: query failed: " + e.getMessage());
            return 1;
        }
    }

    private static List<String[]> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = meta.getColumnLabel(i + 1);
        }
        rows.add(header);
        while (rs.next()) {
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
                Object value = rs.getObject(i + 1);
                row[i] = value == null ? "" : value instanceof java.math.BigDecimal b ? b.toPlainString() : value.toString();
            }
            rows.add(row);
        }
        return rows;
    }
}

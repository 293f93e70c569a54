package org.ruralstat.query;

import org.ruralstat.warehouse.Sql;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Read-only SQL on the published snapshot, printed as an aligned table or as CSV, or written as Parquet. It opens the
 * snapshot read-only, so it never blocks or disturbs a run, and locks DuckDB down before the analyst's SQL runs: no file
 * read or written outside the snapshot (but the Parquet file asked for), no ATTACH, no setting changed, no extension
 * installed or loaded, one statement per call.
 */
public final class QueryCommand {

    /** How the result leaves: a table on standard output, CSV (with a BOM for Excel when asked), or a Parquet file. */
    public record Output(boolean csv, boolean bom, Path parquet) {
        public static final Output TABLE = new Output(false, false, null);
    }

    private QueryCommand() {
    }

    public static int execute(Path warehouse, boolean csv, String sql, PrintStream out, PrintStream err) {
        return execute(warehouse, new Output(csv, false, null), sql, out, err);
    }

    public static int execute(Path warehouse, Output output, String sql, PrintStream out, PrintStream err) {
        Path snapshot = warehouse.getFileName() != null && warehouse.getFileName().toString().endsWith(".duckdb")
                ? warehouse : warehouse.resolve("published").resolve("ruralstat.duckdb");
        if (!Files.isRegularFile(snapshot)) {
            err.println("ruralstat: no published warehouse at " + snapshot + "; run `ruralstat run` first");
            return 1;
        }
        java.util.Optional<String> statement = SqlText.singleStatement(sql);
        if (statement.isEmpty()) {
            err.println("ruralstat: query runs exactly one SQL statement per call");
            return 2;
        }
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + snapshot.toAbsolutePath(), properties)) {
            lockDown(connection, output.parquet());
            if (output.parquet() != null) {
                try (PreparedStatement copy = connection.prepareStatement("copy (" + statement.get() + ") to "
                        + Sql.literal(output.parquet().toAbsolutePath().toString()) + " (format parquet)")) {
                    copy.execute();
                }
                out.println("wrote " + output.parquet());
                return 0;
            }
            try (PreparedStatement prepared = connection.prepareStatement(statement.get())) {
                if (!prepared.execute()) {
                    out.println("OK");
                    return 0;
                }
                try (ResultSet rs = prepared.getResultSet()) {
                    List<String[]> rows = rows(rs);
                    if (output.csv()) {
                        if (output.bom()) {
                            out.print('\uFEFF');
                        }
                        TablePrinter.csv(rows, out);
                    } else {
                        TablePrinter.aligned(rows, out);
                    }
                }
            }
            return 0;
        } catch (SQLException e) {
            err.println("ruralstat: query failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * DuckDB's own switches, set before the analyst's SQL and then locked: the analyst's SQL can read the snapshot and
     * write the one Parquet file asked for, nothing else.
     */
    private static void lockDown(Connection connection, Path parquet) throws SQLException {
        try (Statement s = connection.createStatement()) {
            if (parquet != null) {
                s.execute("set allowed_paths = [" + Sql.literal(parquet.toAbsolutePath().toString()) + "]");
            }
            s.execute("set enable_external_access = false");
            s.execute("set autoinstall_known_extensions = false");
            s.execute("set autoload_known_extensions = false");
            s.execute("set lock_configuration = true");
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

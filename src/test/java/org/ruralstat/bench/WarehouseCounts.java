package org.ruralstat.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a run loaded, from the ledger of the working DuckDB file {@code <warehouse>/ruralstat.duckdb},
 * opened read-only after the run exited: rows read, loaded, rejected and warned, files rejected whole,
 * and the format and rows of each submission (to match the staging partitions).
 */
record WarehouseCounts(long files, long rowsRead, long loaded, long rejected, long warned, long rejectedFiles,
                       Map<Long, Submission> submissions) {

    /** One file of the ledger. */
    record Submission(String format, long rowsRead) {
    }

    /**
     * The counts of the submissions whose paths (below the drop folder) are {@code paths}, the latest of each path
     * only; of every submission when {@code paths} is null. A {@code serve} warehouse holds the nights before too.
     */
    static WarehouseCounts read(Path warehouse, List<String> paths) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        String url = "jdbc:duckdb:" + warehouse.toAbsolutePath().resolve("ruralstat.duckdb");
        String only = paths == null ? "" : " where submission_id in (select max(submission_id) from etl_submission"
                + " where file_path in (" + paths.stream().map(p -> "'" + p.replace("'", "''") + "'")
                .collect(java.util.stream.Collectors.joining(", ")) + ") group by file_path)";
        try (Connection c = DriverManager.getConnection(url, readOnly)) {
            Map<Long, Submission> submissions = new HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select submission_id, file_format, rows_read from etl_submission" + only)) {
                while (rs.next()) {
                    submissions.put(rs.getLong(1), new Submission(rs.getString(2), rs.getLong(3)));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select count(*), coalesce(sum(rows_read), 0), coalesce(sum(rows_loaded), 0),
                           coalesce(sum(rows_rejected), 0), coalesce(sum(rows_warned), 0),
                           count(*) filter (where status = 'rejected')
                    from etl_submission""" + only)) {
                rs.next();
                return new WarehouseCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), submissions);
            }
        }
    }
}

package org.ruralstat.stage;

import org.ruralstat.warehouse.Folders;
import org.ruralstat.warehouse.Sql;
import org.ruralstat.warehouse.SubmissionLedger;
import org.ruralstat.warehouse.Warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One submission's staged rows carried from a worker to the manager, the warehouse's only writer. The worker stages
 * into a DuckDB file of its own, exactly as a single process does, then {@link #export}s the submission's rows of
 * every staging table and its findings as Parquet files into a folder both reach; the manager {@link #load}s them
 * into its warehouse in one transaction, checking that every table holds the rows the worker counted, and marks the
 * submission staged. A folder appears under its final name only once every file of it is written.
 */
public final class StagedRowsHandOver {

    /** The tables a submission's staging fills: the staging tables and its findings. */
    private final List<String> tables;

    public StagedRowsHandOver(List<String> stagingTables) {
        this.tables = Stream.concat(stagingTables.stream(), Stream.of("etl_issue")).toList();
    }

    /**
     * Writes the submission's rows of every table to {@code folder} (replacing an earlier attempt's), then removes
     * them from the worker's own warehouse. Returns the rows written per table.
     */
    public Map<String, Long> export(Warehouse own, long submissionId, Path folder) throws SQLException {
        Path partial = folder.resolveSibling(folder.getFileName() + ".partial");
        Folders.delete(partial);
        Folders.delete(folder);
        Map<String, Long> counts = new LinkedHashMap<>();
        try {
            Files.createDirectories(partial);
            try (Connection c = own.connect(); Statement s = c.createStatement()) {
                for (String table : tables) {
                    // a table the submission left empty gets no file: most of a return's tables are
                    long rows;
                    try (ResultSet rs = s.executeQuery("select count(*) from " + table + " where submission_id = "
                            + submissionId)) {
                        rs.next();
                        rows = rs.getLong(1);
                    }
                    if (rows > 0) {
                        Path out = partial.resolve(table + ".parquet").toAbsolutePath();
                        rows = s.executeLargeUpdate("copy (select * from " + table + " where submission_id = "
                                + submissionId + ") to " + Sql.literal(out.toString()) + " (format parquet)");
                    }
                    counts.put(table, rows);
                }
            }
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SQLException("cannot write the staged rows of submission " + submissionId + " to " + folder, e);
        }
        clear(own, submissionId);
        return counts;
    }

    /**
     * Loads what a worker exported into the warehouse and marks the submission staged with what its reader found,
     * all in one transaction: fails, changing nothing, unless every table receives the rows the worker counted.
     */
    public void load(Warehouse warehouse, long submissionId, Path folder, Map<String, Long> counts, String format,
                     String subject) throws SQLException {
        warehouse.inTransaction(c -> {
            deleteRows(c, submissionId);
            for (String table : tables) {
                Path file = folder.resolve(table + ".parquet");
                long expected = counts.getOrDefault(table, -1L);
                if (expected == 0 && !Files.exists(file)) {
                    continue;
                }
                if (!Files.isRegularFile(file) || expected < 0) {
                    throw new SQLException("the worker's staging of submission " + submissionId + " has no " + table
                            + " in " + folder);
                }
                long loaded;
                try (Statement s = c.createStatement()) {
                    loaded = s.executeLargeUpdate("insert into " + table + " by name select * from read_parquet("
                            + Sql.literal(file.toAbsolutePath().toString()) + ") where submission_id = " + submissionId);
                }
                if (loaded != expected) {
                    throw new SQLException("staging " + table + " of submission " + submissionId + ": the worker wrote "
                            + expected + " rows, " + loaded + " arrived");
                }
            }
            SubmissionLedger.markStaged(c, submissionId, format, subject);
            return null;
        });
    }

    /** Removes the submission's staged rows from a worker's own warehouse (before an attempt, and after it is handed over). */
    public void clear(Warehouse own, long submissionId) throws SQLException {
        own.inTransaction(c -> {
            deleteRows(c, submissionId);
            return null;
        });
    }

    private void deleteRows(Connection c, long submissionId) throws SQLException {
        for (String table : tables) {
            try (PreparedStatement s = c.prepareStatement("delete from " + table + " where submission_id = ?")) {
                s.setLong(1, submissionId);
                s.executeUpdate();
            }
        }
    }
}

package org.ruralstat.warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Writes the analysts' read-only snapshot {@code <warehouse>/published/ruralstat.duckdb}: a full copy made in a
 * temporary file, then renamed over the old one atomically, so a reader holding the old file open keeps it
 * and a new reader never sees a half-written file.
 */
public final class SnapshotPublisher {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final Warehouse warehouse;
    private final List<String> internalTables;
    private final Runnable beforeRename;

    public SnapshotPublisher(Warehouse warehouse, List<String> internalTables) {
        this(warehouse, internalTables, () -> { });
    }

    /** With an action run when the copy is complete but not yet renamed (a crash drill holds the run there). */
    public SnapshotPublisher(Warehouse warehouse, List<String> internalTables, Runnable beforeRename) {
        this.warehouse = warehouse;
        this.internalTables = List.copyOf(internalTables);
        this.beforeRename = beforeRename;
    }

    public Path publishedFile() {
        return warehouse.directory().resolve("published").resolve(Warehouse.FILE_NAME);
    }

    public Path publish() throws SQLException, IOException {
        Path target = publishedFile();
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + Warehouse.FILE_NAME + ".tmp");
        Files.deleteIfExists(temporary);
        Files.deleteIfExists(temporary.resolveSibling(temporary.getFileName() + ".wal"));
        String catalog = warehouse.catalogName();
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            s.execute("checkpoint");
            s.execute("attach " + literal(temporary.toString()) + " as snapshot");
            try {
                s.execute("copy from database " + identifier(catalog) + " to snapshot");
                for (String table : internalTables) {
                    s.execute("drop table if exists snapshot." + identifier(table));
                }
                s.execute("drop sequence if exists snapshot.seq_submission_id");
            } finally {
                s.execute("detach snapshot");
            }
        }
        beforeRename.run();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.info("Published snapshot {}", target);
        exportParquet(target.resolveSibling("parquet"));
        return target;
    }

    /**
     * Dimensions as single Parquet files and facts partitioned by year, for tools other than DuckDB; written
     * beside the old export and swapped in when complete.
     */
    void exportParquet(Path folder) throws SQLException, IOException {
        Path building = folder.resolveSibling(".parquet.tmp");
        Path retired = folder.resolveSibling(".parquet.old");
        deleteTree(building);
        deleteTree(retired);
        Files.createDirectories(building);
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            for (String table : exportedTables(c)) {
                boolean fact = table.startsWith("fact_");
                Path out = building.resolve(fact ? table : table + ".parquet");
                String options = fact ? "(format parquet, partition_by (year), overwrite_or_ignore)" : "(format parquet)";
                s.execute("copy (select * from " + identifier(table) + ") to " + literal(out.toString()) + " " + options);
            }
        }
        if (Files.exists(folder)) {
            Files.move(folder, retired, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(retired);
    }

    private static List<String> exportedTables(Connection c) throws SQLException {
        List<String> tables = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select table_name from duckdb_tables() "
                + "where schema_name = 'main' and (starts_with(table_name, 'dim_') or starts_with(table_name, 'fact_') "
                + "or table_name in ('etl_submission', 'etl_issue')) order by table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String identifier(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}

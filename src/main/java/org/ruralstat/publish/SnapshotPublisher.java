package org.ruralstat.publish;

import org.ruralstat.text.PersonalDataMasker;
import org.ruralstat.warehouse.Folders;
import org.ruralstat.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Writes the analysts' read-only snapshot {@code <warehouse>/published/ruralstat.duckdb}: a full copy made in a
 * temporary file, then renamed over the old one atomically, so a reader holding the old file open keeps it
 * and a new reader never sees a half-written file. File names keep their ID and mobile numbers only in the working
 * file, which needs them to find the files again; the snapshot and its Parquet files have them masked.
 */
public final class SnapshotPublisher {

    /** The tables and columns that hold a file's name or path as the drop has it. */
    private static final Map<String, List<String>> FILE_NAME_COLUMNS = Map.of("etl_submission", List.of("file_name", "file_path"),
            "etl_run_file", List.of("file_path"));

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

    /** The storage format of the analysts' snapshot: DuckDB 1.0's, readable by DuckDB 1.0 and later. */
    public static final String STORAGE_VERSION = "v1.0.0";

    public Path publish() throws SQLException, IOException {
        Path target = publishedFile();
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + Warehouse.FILE_NAME + ".tmp");
        Files.deleteIfExists(temporary);
        Files.deleteIfExists(temporary.resolveSibling(temporary.getFileName() + ".wal"));
        String catalog = warehouse.catalogName();
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            s.execute("checkpoint");
            // written in the storage format of DuckDB 1.0, which every 1.x and 2.x client reads (a 2.x file needs a 2.x
            // reader; DuckDB 1.5.6, in many analysts' Python, R and DBeaver installs, refuses one)
            s.execute("attach " + literal(temporary.toString()) + " as snapshot (storage_version '" + STORAGE_VERSION + "')");
            try {
                s.execute("copy from database " + identifier(catalog) + " to snapshot (schema)");
                for (String table : internalTables) {
                    s.execute("drop table if exists snapshot." + identifier(table));
                }
                s.execute("drop sequence if exists snapshot.seq_submission_id");
                copyRows(c, catalog);
            } finally {
                s.execute("detach snapshot");
            }
        }
        beforeRename.run();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.info("Published snapshot {}", target);
        exportParquet(target, target.resolveSibling("parquet"));
        return target;
    }

    /**
     * Copies the rows of every table the snapshot kept, file names with ID and mobile numbers masked on the way: the
     * snapshot never holds them, not even in blocks a later update would have freed.
     */
    private static void copyRows(Connection c, String catalog) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create or replace temp table file_name_mask (original varchar primary key, masked varchar not null)");
            try (PreparedStatement insert = c.prepareStatement("insert or ignore into temp.file_name_mask values (?, ?)")) {
                for (Map.Entry<String, List<String>> table : FILE_NAME_COLUMNS.entrySet()) {
                    for (String column : table.getValue()) {
                        try (ResultSet rs = s.executeQuery("select distinct " + identifier(column) + " from "
                                + identifier(catalog) + ".main." + identifier(table.getKey()))) {
                            while (rs.next()) {
                                String value = rs.getString(1);
                                String masked = PersonalDataMasker.scrub(value);
                                if (value != null && !value.equals(masked)) {
                                    insert.setString(1, value);
                                    insert.setString(2, masked);
                                    insert.executeUpdate();
                                }
                            }
                        }
                    }
                }
            }
            List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from duckdb_tables() "
                    + "where database_name = 'snapshot' and schema_name = 'main' order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                List<String> masked = FILE_NAME_COLUMNS.getOrDefault(table, List.of());
                String replace = masked.isEmpty() ? "" : masked.stream().map(column -> "coalesce((select m.masked from "
                        + "temp.file_name_mask m where m.original = " + identifier(column) + "), " + identifier(column) + ") as "
                        + identifier(column)).collect(java.util.stream.Collectors.joining(", ", " replace (", ")"));
                s.execute("insert into snapshot.main." + identifier(table) + " select *" + replace + " from "
                        + identifier(catalog) + ".main." + identifier(table));
            }
            s.execute("drop table temp.file_name_mask");
        }
    }

    /**
     * The snapshot's dimensions as single Parquet files and its facts partitioned by year, for tools other than DuckDB;
     * written beside the old export and swapped in when complete.
     */
    void exportParquet(Path snapshot, Path folder) throws SQLException, IOException {
        Path building = folder.resolveSibling(".parquet.tmp");
        Path retired = folder.resolveSibling(".parquet.old");
        Folders.delete(building);
        Folders.delete(retired);
        Files.createDirectories(building);
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            s.execute("attach " + literal(snapshot.toString()) + " as published (read_only)");
            try {
                for (String table : exportedTables(c)) {
                    boolean fact = table.startsWith("fact_");
                    Path out = building.resolve(fact ? table : table + ".parquet");
                    String options = fact ? "(format parquet, partition_by (year), overwrite_or_ignore)" : "(format parquet)";
                    s.execute("copy (select * from published." + identifier(table) + ") to " + literal(out.toString()) + " "
                            + options);
                }
                for (String view : exportedViews(c)) {
                    s.execute("copy (select * from published." + identifier(view) + ") to "
                            + literal(building.resolve(view + ".parquet").toString()) + " (format parquet)");
                }
            } finally {
                s.execute("detach published");
            }
        }
        if (Files.exists(folder)) {
            Files.move(folder, retired, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(building, folder, StandardCopyOption.ATOMIC_MOVE);
        Folders.delete(retired);
    }

    /** The analysts' views (v_compare, v_indicator_value …), exported as computed at publishing. */
    private static List<String> exportedViews(Connection c) throws SQLException {
        return names(c, "select view_name from duckdb_views() where database_name = 'published' and schema_name = 'main' "
                + "and not internal and starts_with(view_name, 'v_') order by view_name");
    }

    private static List<String> exportedTables(Connection c) throws SQLException {
        return names(c, "select table_name from duckdb_tables() where database_name = 'published' and schema_name = 'main' "
                + "and (starts_with(table_name, 'dim_') or starts_with(table_name, 'fact_') "
                + "or table_name in ('etl_submission', 'etl_issue')) order by table_name");
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }


    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String identifier(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}

package org.ruralstat.publish;

import org.ruralstat.warehouse.Sql;
import org.ruralstat.warehouse.Warehouse;
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
 * Writes the analysts' read-only snapshot {@code <warehouse>/published/ruralstat.duckdb}. The snapshot before the
 * current one is kept as {@value #SPARE}, never opened by analysts: each night it is brought up to the working
 * warehouse ({@link SnapshotDelta}, in one transaction, writing only what changed) and renamed over the published file
 * atomically, and the file it replaces becomes the next night's spare, so a reader holding the old file open keeps it
 * and a new reader never sees a half-written file. A full copy is made instead when there is no spare, when its schema
 * differs from the warehouse's (a new release), or when a reader still holds it open. File names keep their ID and
 * mobile numbers only in the working file, which needs them to find the files again; the snapshot and its Parquet
 * files have them masked.
 */
public final class SnapshotPublisher {

    /** The previous snapshot, tomorrow's starting point, beside the published one. */
    static final String SPARE = ".ruralstat.spare.duckdb";
    private static final String SWAP = ".ruralstat.swap.duckdb";

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final Warehouse warehouse;
    private final List<String> internalTables;
    private final Path folder;
    private final Runnable beforeRename;

    public SnapshotPublisher(Warehouse warehouse, List<String> internalTables) {
        this(warehouse, internalTables, () -> { });
    }

    /** With an action run when the new snapshot is complete but not yet renamed (a crash drill holds the run there). */
    public SnapshotPublisher(Warehouse warehouse, List<String> internalTables, Runnable beforeRename) {
        this(warehouse, internalTables, warehouse.directory().resolve("published"), beforeRename);
    }

    /** Publishing into another folder than {@code <warehouse>/published} (the benchmark compares two ways there). */
    public SnapshotPublisher(Warehouse warehouse, List<String> internalTables, Path folder, Runnable beforeRename) {
        this.warehouse = warehouse;
        this.internalTables = List.copyOf(internalTables);
        this.folder = folder;
        this.beforeRename = beforeRename;
    }

    public Path publishedFile() {
        return folder.resolve(Warehouse.FILE_NAME);
    }

    /** The storage format of the analysts' snapshot: DuckDB 1.0's, readable by DuckDB 1.0 and later. */
    public static final String STORAGE_VERSION = "v1.0.0";

    /** How the night's snapshot was made: brought up to date from the spare, or copied in full; rows written. */
    public record Published(Path file, boolean incremental, long rowsWritten, long rowsDeleted, int parquetWritten,
                            int parquetLinked) {
    }

    public Path publish() throws SQLException, IOException {
        return publishCounted().file();
    }

    public Published publishCounted() throws SQLException, IOException {
        Path target = publishedFile();
        Files.createDirectories(folder);
        Path spare = folder.resolve(SPARE);
        Path swap = folder.resolve(SWAP);
        Path temporary = folder.resolve("." + Warehouse.FILE_NAME + ".tmp");
        if (!Files.exists(spare) && Files.exists(swap)) {
            // a publication stopped between its two renames: the snapshot before it is under the swap name
            Files.move(swap, spare, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(swap);
        deleteWithWal(temporary);
        String catalog = warehouse.catalogName();
        SnapshotDelta.Applied applied;
        boolean incremental;
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            s.execute("checkpoint");
            applied = Files.exists(spare) ? updateOrGiveUp(c, catalog, spare) : null;
        }
        incremental = applied != null;
        if (!incremental) {
            // a connection of its own: a failed update may have left its own in any state
            try (Connection c = warehouse.connect()) {
                applied = copyInFull(c, catalog, temporary);
            }
            deleteWithWal(spare);
            Files.move(temporary, spare, StandardCopyOption.ATOMIC_MOVE);
        }
        beforeRename.run();
        rotate(spare, target, swap);
        ParquetExport.Written parquet;
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            s.execute("attach " + Sql.literal(target.toString()) + " as published (read_only)");
            try {
                parquet = new ParquetExport(c).export(folder.resolve("parquet"));
            } finally {
                s.execute("detach published");
            }
        }
        log.info("Published snapshot {} ({}: {} rows written, {} deleted; Parquet: {} files written, {} kept)", target,
                incremental ? "brought up to date" : "copied in full", applied.written(), applied.rowsDeleted(),
                parquet.written(), parquet.linked());
        return new Published(target, incremental, applied.written(), applied.rowsDeleted(), parquet.written(), parquet.linked());
    }

    /** A snapshot copied in full into a new file: schema first, then table by table. */
    private SnapshotDelta.Applied copyInFull(Connection c, String catalog, Path file) throws SQLException {
        try (Statement s = c.createStatement()) {
            // written in the storage format of DuckDB 1.0, which every 1.x and 2.x client reads (a 2.x file needs a 2.x
            // reader; DuckDB 1.5.6, in many analysts' Python, R and DBeaver installs, refuses one)
            s.execute("attach " + Sql.literal(file.toString()) + " as snapshot (storage_version '" + STORAGE_VERSION + "')");
            try {
                s.execute("copy from database " + Sql.identifier(catalog) + " to snapshot (schema)");
                for (String table : internalTables) {
                    s.execute("drop table if exists snapshot." + Sql.identifier(table));
                }
                s.execute("drop sequence if exists snapshot.seq_submission_id");
                SnapshotDelta delta = new SnapshotDelta(c, catalog);
                delta.prepareMask();
                SnapshotDelta.Applied applied = delta.copyAll(tables(c));
                delta.dropMask();
                return applied;
            } finally {
                s.execute("detach snapshot");
            }
        }
    }

    /** As {@link #update}, and null (a full copy is made) when the update fails: the night's snapshot matters more. */
    private SnapshotDelta.Applied updateOrGiveUp(Connection c, String catalog, Path spare) {
        try {
            return update(c, catalog, spare);
        } catch (SQLException | RuntimeException e) {
            log.warn("Copying the snapshot in full: bringing the previous one up to date failed", e);
            // attached databases belong to the DuckDB instance, not the connection: let the full copy attach its own
            try (Connection other = warehouse.connect(); Statement s = other.createStatement()) {
                s.execute("detach database if exists snapshot");
            } catch (SQLException ignored) {
                // not attached, or the full copy's own attach will say why
            }
            return null;
        }
    }

    /**
     * Brings the spare up to the warehouse; null when it cannot be (a reader holds it, or its schema is not the
     * warehouse's), and a full copy is made instead.
     */
    private SnapshotDelta.Applied update(Connection c, String catalog, Path spare) throws SQLException {
        try (Statement s = c.createStatement()) {
            try {
                s.execute("attach " + Sql.literal(spare.toString()) + " as snapshot");
            } catch (SQLException e) {
                log.info("Copying the snapshot in full: the previous one cannot be updated ({})", e.getMessage());
                return null;
            }
            try {
                List<String> before = schemaOf(c, "snapshot", List.of());
                List<String> now = schemaOf(c, catalog, internalTables);
                if (!before.equals(now)) {
                    log.info("Copying the snapshot in full: the warehouse's schema has changed since the previous one ({})",
                            now.stream().filter(line -> !before.contains(line)).findFirst()
                                    .orElse(before.stream().filter(line -> !now.contains(line)).findFirst().orElse("")));
                    return null;
                }
                SnapshotDelta delta = new SnapshotDelta(c, catalog);
                delta.prepareMask();
                SnapshotDelta.Applied applied = delta.apply(tables(c));
                delta.dropMask();
                replaceViews(c, catalog);
                s.execute("checkpoint snapshot");
                return applied;
            } finally {
                s.execute("detach snapshot");
            }
        }
    }

    /**
     * The views as the warehouse defines them now (a release may change one without changing a column): dropped, then
     * made again with their comments, each once the views it reads exist (the warehouse's own order of creation does
     * not say, since the schema replaces views run after run).
     */
    private static void replaceViews(Connection c, String catalog) throws SQLException {
        List<String[]> pending = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select view_name, sql, comment from duckdb_views() "
                + "where database_name = " + Sql.literal(catalog) + " and schema_name = 'main' and not internal "
                + "order by view_name")) {
            while (rs.next()) {
                pending.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : Sql.strings(c, "select view_name from duckdb_views() where database_name = 'snapshot' "
                    + "and schema_name = 'main' and not internal")) {
                s.execute("drop view snapshot.main." + Sql.identifier(name));
            }
            s.execute("use snapshot");
        }
        SQLException failed = null;
        try {
            int before = -1;
            while (!pending.isEmpty() && pending.size() != before) {
                before = pending.size();
                for (java.util.Iterator<String[]> views = pending.iterator(); views.hasNext(); ) {
                    String[] view = views.next();
                    // a statement of its own each time: DuckDB's driver closes one whose statement failed
                    try (Statement s = c.createStatement()) {
                        s.execute(view[1]);
                        if (view[2] != null) {
                            s.execute("comment on view " + Sql.identifier(view[0]) + " is " + Sql.literal(view[2]));
                        }
                        views.remove();
                    } catch (SQLException e) {
                        failed = e;
                    }
                }
            }
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("use " + Sql.identifier(catalog));
            }
        }
        if (!pending.isEmpty()) {
            throw failed;
        }
    }

    /**
     * The published file becomes the new snapshot; the one it replaces, linked under the swap name first, becomes the
     * spare. Where the file system cannot link, there is no spare and the next night copies in full.
     */
    private static void rotate(Path spare, Path target, Path swap) throws IOException {
        boolean linked = false;
        if (Files.exists(target)) {
            try {
                Files.createLink(swap, target);
                linked = true;
            } catch (UnsupportedOperationException | IOException e) {
                log.info("No spare snapshot kept: {}", e.getMessage());
            }
        }
        Files.move(spare, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (linked) {
            Files.move(swap, spare, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** The snapshot's tables (those the schema copy kept). */
    private static List<String> tables(Connection c) throws SQLException {
        return Sql.strings(c, "select table_name from duckdb_tables() where database_name = 'snapshot' and schema_name = 'main' "
                + "order by table_name");
    }

    /**
     * Tables, columns and their comments, and the views' names: what an update keeps of the schema (it makes the views
     * again; their text, as DuckDB prints it back, differs between a warehouse and its copy).
     */
    private static List<String> schemaOf(Connection c, String database, List<String> leftOut) throws SQLException {
        String db = Sql.literal(database);
        String excluded = leftOut.isEmpty() ? "" : leftOut.stream().map(Sql::literal)
                .collect(java.util.stream.Collectors.joining(", ", " and table_name not in (", ")"));
        return Sql.strings(c, "select kind || ' ' || name || ' ' || coalesce(detail, '') || ' ' || coalesce(comment, '') from ("
                + "select 'table' as kind, table_name as name, null as detail, comment from duckdb_tables() "
                + "where database_name = " + db + " and schema_name = 'main'" + excluded
                + " union all select 'column', table_name || '.' || column_name || '#' || column_index, data_type, comment "
                + "from duckdb_columns() where database_name = " + db + " and schema_name = 'main'" + excluded
                + " union all select 'view', view_name, null, null from duckdb_views() where database_name = " + db
                + " and schema_name = 'main' and not internal) order by 1");
    }

    private static void deleteWithWal(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
    }
}

package org.ruralstat.bench;

import org.ruralstat.publish.SnapshotPublisher;
import org.ruralstat.warehouse.Sql;
import org.ruralstat.warehouse.Warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The snapshot of a warehouse that grows night by night (docs/performance.md): night 1 is a national night loaded by
 * the jar ({@link NationalNight}'s drop); each later night adds a copy of night 1's submissions, under new ids and a
 * year earlier (as when years of returns are reloaded), by SQL. After each night the snapshot is published the way the
 * job does (brought up to date from the spare) and, for comparison, copied in full into another folder; prints both
 * times, the rows written and the Parquet files written and kept.
 *
 * <pre>./mvnw -q package -DskipTests && ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ruralstat.bench.SnapshotNights [-Dbench.nights=10] [-Dbench.national.counties=N]</pre>
 */
public final class SnapshotNights {

    private SnapshotNights() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        int nights = Integer.getInteger("bench.nights", 10);
        Path dir = settings.dir().resolve("snapshot-nights");
        Files.createDirectories(dir);
        BenchDrop drop = new BenchDropGenerator(BenchRegions.loadNational(settings.repo().resolve("seeds/regions.csv")))
                .national(dir.resolve("drop"), System.getProperty("bench.national.subject", "income"), settings.scale(),
                        Integer.getInteger("bench.national.counties", Integer.MAX_VALUE));
        JobRun run = JobRun.run("snapshot-nights", drop, JobRun.fromJar(settings.jar()), settings.xmx(), settings.jvmOptions(), dir);
        if (run.failure() != null) {
            System.out.println("night 1 FAILED: " + run.failure());
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "night 1: %d files, %d rows loaded by the jar in %.1f s%n", drop.files().size(),
                drop.rows(), run.wallSeconds());
        System.out.println("night  fact rows  working MB  updated (s)  rows written  Parquet written/kept  full copy (s)");
        Warehouse warehouse = new Warehouse(dir.resolve("warehouse-snapshot-nights"));
        try {
            List<String> internal = internalTables(warehouse);
            SnapshotPublisher updated = new SnapshotPublisher(warehouse, internal);
            Path fullFolder = dir.resolve("full-copy");
            SnapshotPublisher full = new SnapshotPublisher(warehouse, internal, fullFolder, () -> { });
            long firstNight = maxSubmissionId(warehouse);
            for (int night = 1; night <= nights; night++) {
                if (night > 1) {
                    addNight(warehouse, firstNight, night);
                }
                long start = System.nanoTime();
                SnapshotPublisher.Published published = updated.publishCounted();
                double updatedSeconds = (System.nanoTime() - start) / 1e9;
                BenchFolders.delete(fullFolder);
                start = System.nanoTime();
                full.publishCounted();
                double fullSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%5d  %9d  %10.1f  %11.2f  %12d  %12d/%d  %13.2f%s%n", night,
                        factRows(warehouse), Files.size(warehouse.directory().resolve(Warehouse.FILE_NAME)) / 1e6,
                        updatedSeconds, published.rowsWritten(), published.parquetWritten(), published.parquetLinked(),
                        fullSeconds, published.incremental() ? "" : "  (copied in full: no spare yet)");
            }
            System.out.printf(Locale.ROOT, "published %.1f MB, spare %.1f MB, full copy %.1f MB%n",
                    Files.size(updated.publishedFile()) / 1e6,
                    Files.size(updated.publishedFile().resolveSibling(".ruralstat.spare.duckdb")) / 1e6,
                    Files.size(full.publishedFile()) / 1e6);
        } finally {
            warehouse.close();
        }
    }

    /** Night 1's submissions again, ids shifted and facts a year earlier per night. */
    private static void addNight(Warehouse warehouse, long firstNight, int night) throws SQLException {
        long offset = firstNight * (night - 1);
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            for (String table : Sql.strings(c, "select table_name from duckdb_columns() join duckdb_tables() using (database_name, schema_name, table_name) where database_name = current_database() "
                    + "and column_name = 'submission_id' and table_name not like 'stg\\_%' escape '\\' "
                    + "and table_name not in ('etl_justification') order by 1")) {
                boolean fact = table.startsWith("fact_");
                s.execute("insert into \"" + table + "\" select * replace (submission_id + " + offset + " as submission_id"
                        + (fact ? ", year - " + (night - 1) + " as year" : "") + ") from \"" + table
                        + "\" where submission_id <= " + firstNight);
            }
        }
    }

    private static List<String> internalTables(Warehouse warehouse) throws SQLException {
        try (Connection c = warehouse.connect()) {
            List<String> internal = Sql.strings(c, "select table_name from duckdb_tables() where database_name = current_database() "
                    + "and table_name like 'stg\\_%' escape '\\'");
            internal.add("etl_seed");
            return internal;
        }
    }

    private static long maxSubmissionId(Warehouse warehouse) throws SQLException {
        try (Connection c = warehouse.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select max(submission_id) from etl_submission")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long factRows(Warehouse warehouse) throws SQLException {
        long rows = 0;
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            for (String table : Sql.strings(c, "select table_name from duckdb_tables() where database_name = current_database() "
                    + "and table_name like 'fact\\_%' escape '\\'")) {
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        return rows;
    }
}

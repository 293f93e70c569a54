package org.ruralstat.publish;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.subject.SubjectCatalog;
import org.ruralstat.warehouse.SubmissionLedger;
import org.ruralstat.warehouse.Warehouse;
import org.ruralstat.warehouse.WarehouseSchema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot brought up to date night after night equals a full copy of the same warehouse, table by table and in
 * its Parquet export, through corrections, superseded keys, a retraction, a justification added to an old finding, a
 * changed dimension, a new year and nights with nothing new; and it writes only what the last two nights changed (the
 * Parquet export only what the last one changed). Real DuckDB files, no Spring.
 */
class SnapshotPublisherIntegrationTests {

    /** A valid ID number (its check digit is right), as a bureau might put it in a file name. */
    private static final String ID_NUMBER = "11010519491231002X";

    private static SubjectCatalog subjects;

    @TempDir
    Path temp;

    private Warehouse warehouse;
    private SubmissionPublisher publisher;
    private List<String> internal;

    @BeforeAll
    static void subjects() throws Exception {
        subjects = IncomeVersions.subjects();
    }

    @BeforeEach
    void warehouse() throws Exception {
        warehouse = new Warehouse(temp.resolve("warehouse"));
        new WarehouseSchema(warehouse, subjects.all()).apply();
        SubmissionLedger ledger = new SubmissionLedger(warehouse, subjects.all());
        publisher = new SubmissionPublisher(warehouse, subjects, ledger);
        internal = new ArrayList<>(ledger.stagingTables());
        internal.add("etl_seed");
    }

    @Test
    void nightAfterNightTheUpdatedSnapshotEqualsAFullCopy() throws Exception {
        SnapshotPublisher snapshots = new SnapshotPublisher(warehouse, internal);

        IncomeVersions.stage(warehouse, 1, "A:a=10,b=12", 2022, "收入_" + ID_NUMBER + ".csv");
        publisher.publish(1);
        sql("insert into etl_issue (submission_id, sheet, row_number, rule, severity, message_zh, message_en) "
                + "values (1, 'Sheet1', 2, 'ROW-010', 'warning', '偏高', 'high')");
        sql("insert into etl_run_file values ('night1', 'x/~$lock.xlsx', null, 'skipped_ignored', null, now())");
        SnapshotPublisher.Published first = night(snapshots, 1);
        assertThat(first.incremental()).as("no snapshot before: a full copy").isFalse();

        IncomeVersions.stage(warehouse, 2, "A:a=11");
        publisher.publish(2);
        IncomeVersions.stage(warehouse, 3, "B:a=20", 2021, "v3.csv");
        publisher.publish(3);
        assertThat(night(snapshots, 2).incremental()).as("no spare yet: the first snapshot is the published one").isFalse();

        new SubmissionRetraction(warehouse, subjects).retract(3, "报错单位");
        sql("update etl_issue set justification = '新建厂房' where submission_id = 1");
        sql("insert into dim_region values ('222424', '汪清县', 'county', '222400', '222424', '222400', '220000')");
        sql("insert into etl_run_file values ('night3', 'x/~$lock.xlsx', null, 'skipped_ignored', null, now())");
        SnapshotPublisher.Published third = night(snapshots, 3);
        assertThat(third.incremental()).isTrue();
        assertThat(third.rowsDeleted()).as("the retracted submission's rows and the old versions of changed ones").isPositive();

        // the spare is the snapshot before the published one: it takes the last two nights' changes
        SnapshotPublisher.Published quiet = night(snapshots, 4);
        assertThat(quiet.incremental()).isTrue();
        assertThat(quiet.rowsWritten()).as("night 3's changes, again, on the older file").isPositive();
        assertThat(quiet.parquetWritten()).as("the Parquet export, made from the newest snapshot, is already up to date").isZero();
        SnapshotPublisher.Published quieter = night(snapshots, 5);
        assertThat(quieter.rowsWritten()).as("two nights that changed nothing write no row").isZero();
        assertThat(quieter.rowsDeleted()).isZero();
        assertThat(quieter.parquetWritten()).isZero();

        IncomeVersions.stage(warehouse, 4, "A:a=30,b=31", 2023, "v4.csv");
        publisher.publish(4);
        SnapshotPublisher.Published newYear = night(snapshots, 6);
        assertThat(newYear.incremental()).isTrue();
        assertThat(newYear.rowsWritten()).as("two facts, one submission, its ledger rows").isLessThan(10);
        assertThat(Files.list(temp.resolve("warehouse/published/parquet/fact_income")).map(p -> p.getFileName().toString()).sorted())
                .containsExactly("year=2022", "year=2023");
        assertThat(newYear.parquetLinked()).as("fact_income's 2022, the dimensions, the unchanged issues").isPositive();

        // a spare that is no DuckDB file (a disk fault, a hand that touched it): the night copies in full and recovers
        Files.writeString(temp.resolve("warehouse/published").resolve(SnapshotPublisher.SPARE), "not a database");
        assertThat(night(snapshots, 7).incremental()).isFalse();
        assertThat(night(snapshots, 8).incremental()).as("and the next night has a spare again").isTrue();
    }

    /** Publishes the snapshot, then checks it and its Parquet export against a full copy of a copy of the warehouse. */
    private SnapshotPublisher.Published night(SnapshotPublisher snapshots, int night) throws Exception {
        // as each run's first step does: views are replaced, and come back in another order than they depend on each other
        new WarehouseSchema(warehouse, subjects.all()).apply();
        SnapshotPublisher.Published published = snapshots.publishCounted();
        Path copy = temp.resolve("reference-" + night);
        Files.createDirectories(copy);
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            s.execute("checkpoint");
        }
        Files.copy(warehouse.directory().resolve(Warehouse.FILE_NAME), copy.resolve(Warehouse.FILE_NAME));
        Warehouse reference = new Warehouse(copy);
        try {
            SnapshotPublisher.Published full = new SnapshotPublisher(reference, internal).publishCounted();
            assertThat(full.incremental()).isFalse();
            assertSameTables(published.file(), full.file(), night);
            assertSameParquet(published.file().resolveSibling("parquet"), full.file().resolveSibling("parquet"), night);
        } finally {
            reference.close();
        }
        assertThat(text(published.file())).as("night %d: no ID number in the snapshot", night).doesNotContain(ID_NUMBER);
        return published;
    }

    private static void assertSameTables(Path updated, Path full, int night) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("attach '" + updated + "' as u (read_only)");
            s.execute("attach '" + full + "' as f (read_only)");
            List<String> tables = column(s, "select table_name from duckdb_tables() where database_name = 'f' order by 1");
            assertThat(column(s, "select table_name from duckdb_tables() where database_name = 'u' order by 1"))
                    .as("night %d: tables", night).isEqualTo(tables);
            List<String> views = column(s, "select view_name from duckdb_views() where database_name = 'f' and not internal order by 1");
            assertThat(column(s, "select view_name from duckdb_views() where database_name = 'u' and not internal order by 1"))
                    .as("night %d: views", night).isEqualTo(views);
            assertThat(column(s, "select table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(comment, '') "
                    + "from duckdb_columns() where database_name = 'u' order by 1"))
                    .as("night %d: columns and their comments", night)
                    .isEqualTo(column(s, "select table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(comment, '') "
                            + "from duckdb_columns() where database_name = 'f' order by 1"));
            List<String> relations = new ArrayList<>(tables);
            relations.addAll(views);
            for (String table : relations) {
                assertThat(column(s, "select count(*) from (select * from u.\"" + table + "\" except all select * from f.\"" + table
                        + "\" union all (select * from f.\"" + table + "\" except all select * from u.\"" + table + "\"))"))
                        .as("night %d: rows of %s on one side only", night, table).containsExactly("0");
            }
        }
    }

    private static void assertSameParquet(Path updated, Path full, int night) throws Exception {
        List<String> entries = entries(full);
        assertThat(entries(updated)).as("night %d: Parquet tables and views", night).isEqualTo(entries);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String entry : entries) {
                if (parquetFiles(full.resolve(entry)).isEmpty()) {
                    assertThat(parquetFiles(updated.resolve(entry))).as("night %d: %s is empty", night, entry).isEmpty();
                    continue;
                }
                String u = parquet(updated.resolve(entry));
                String f = parquet(full.resolve(entry));
                assertThat(column(s, "select count(*) from (select * from " + u + " except all select * from " + f
                        + " union all (select * from " + f + " except all select * from " + u + "))"))
                        .as("night %d: rows of %s on one side only", night, entry).containsExactly("0");
            }
        }
    }

    private static List<String> entries(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted().toList();
        }
    }

    private static List<Path> parquetFiles(Path entry) throws Exception {
        try (Stream<Path> files = Files.walk(entry)) {
            return files.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
    }

    private static String parquet(Path entry) {
        return Files.isDirectory(entry)
                ? "read_parquet('" + entry + "/**/*.parquet', hive_partitioning = true)"
                : "read_parquet('" + entry + "')";
    }

    private static String text(Path duckdb) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("attach '" + duckdb + "' as d (read_only)");
            for (String table : column(s, "select table_name from duckdb_tables() where database_name = 'd'")) {
                try (ResultSet rs = s.executeQuery("select * from d.\"" + table + "\"")) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            all.append(rs.getString(i)).append('\t');
                        }
                    }
                }
            }
        }
        return all.toString();
    }

    private void sql(String sql) throws Exception {
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> column(Statement s, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}

package org.ruralstat.stage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.subject.RepositorySubjects;
import org.ruralstat.warehouse.SubmissionLedger;
import org.ruralstat.warehouse.Warehouse;
import org.ruralstat.warehouse.WarehouseSchema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A worker's staged rows carried to the manager's warehouse through Parquet files, on two real DuckDB files and no
 * Spring: every row arrives with its nulls and text as staged, the submission is marked staged, the worker's own
 * file is cleared; a hand-over missing rows changes nothing.
 */
class StagedRowsHandOverIntegrationTests {

    @TempDir
    Path temp;

    private Warehouse worker;
    private Warehouse manager;
    private StagedRowsHandOver handOver;

    @BeforeEach
    void warehouses() throws Exception {
        worker = new Warehouse(temp.resolve("worker"));
        manager = new Warehouse(temp.resolve("manager"));
        new WarehouseSchema(worker, RepositorySubjects.all()).apply();
        new WarehouseSchema(manager, RepositorySubjects.all()).apply();
        handOver = new StagedRowsHandOver(new SubmissionLedger(manager, RepositorySubjects.all()).stagingTables());
        execute(manager, "insert into etl_submission (submission_id, submitter_code, file_name, file_path, sha256, "
                + "received_at, status) values (7, '222424', 'a.csv', '222424/a.csv', 'sha', now(), 'received')");
        execute(worker, "insert into stg_row (submission_id, sheet, source_row, outcome) values (7, 'Sheet1', 2, 'loaded'), "
                + "(7, 'Sheet1', 3, 'rejected'), (8, 'Sheet1', 2, 'loaded')");
        execute(worker, "insert into stg_income (submission_id, source_row, sheet, source_column, region_code, county_code, "
                + "year, period, indicator_code, value_yuan) values (7, 2, 'Sheet1', '农民收入（元）\"B\"', '222424100200', "
                + "'222424', 2022, '2022', 'rural_income_per_capita', 12345.6)");
        execute(worker, "insert into etl_issue (submission_id, sheet, row_number, rule, severity, message_zh, message_en) "
                + "values (7, 'Sheet1', 3, 'ROW-001', 'error', '缺少地区', 'no region')");
    }

    @Test
    void everyRowOfTheSubmissionArrivesAndTheSubmissionIsStaged() throws Exception {
        Path folder = temp.resolve("exchange/submission-7/staged");
        Map<String, Long> counts = handOver.export(worker, 7, folder);

        assertThat(counts).containsEntry("stg_row", 2L).containsEntry("stg_income", 1L).containsEntry("etl_issue", 1L)
                .containsEntry("stg_cadre_posting", 0L);
        assertThat(count(worker, "select count(*) from stg_row where submission_id = 7")).as("worker cleared").isZero();
        assertThat(count(worker, "select count(*) from stg_row where submission_id = 8")).as("others kept").isEqualTo(1);
        assertThat(folder.resolveSibling("staged.partial")).doesNotExist();
        assertThat(folder.resolve("stg_cadre_posting.parquet")).as("no file for an empty table").doesNotExist();

        handOver.load(manager, 7, folder, counts, "csv", "income");
        assertThat(text(manager, "select status || '/' || file_format || '/' || subject from etl_submission"))
                .isEqualTo("staged/csv/income");
        assertThat(text(manager, "select source_column || '/' || value_yuan || '/' || coalesce(reported_region_code, '∅') "
                + "from stg_income")).isEqualTo("农民收入（元）\"B\"/12345.60/∅");
        assertThat(count(manager, "select count(*) from stg_row where submission_id = 7")).isEqualTo(2);
        assertThat(text(manager, "select rule || ' ' || message_zh from etl_issue")).isEqualTo("ROW-001 缺少地区");

        // loaded again (a partition run twice): the same rows, not twice as many
        handOver.load(manager, 7, folder, counts, "csv", "income");
        assertThat(count(manager, "select count(*) from stg_row")).isEqualTo(2);
    }

    @Test
    void aHandOverThatLostRowsChangesNothing() throws Exception {
        Path folder = temp.resolve("exchange/submission-7/staged");
        Map<String, Long> counts = new HashMap<>(handOver.export(worker, 7, folder));
        counts.put("stg_row", 3L);

        assertThatThrownBy(() -> handOver.load(manager, 7, folder, counts, "csv", "income"))
                .hasMessageContaining("stg_row of submission 7: the worker wrote 3 rows, 2 arrived");
        assertThat(text(manager, "select status from etl_submission")).isEqualTo("received");
        assertThat(count(manager, "select count(*) from stg_income")).isZero();

        counts.put("stg_row", 2L);
        Files.delete(folder.resolve("etl_issue.parquet"));
        assertThatThrownBy(() -> handOver.load(manager, 7, folder, counts, "csv", "income"))
                .hasMessageContaining("has no etl_issue");
        assertThat(text(manager, "select status from etl_submission")).isEqualTo("received");
        assertThat(count(manager, "select count(*) from stg_row")).isZero();
    }

    private static void execute(Warehouse warehouse, String sql) throws SQLException {
        try (Connection c = warehouse.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Warehouse warehouse, String sql) throws SQLException {
        return Long.parseLong(text(warehouse, sql));
    }

    private static String text(Warehouse warehouse, String sql) throws SQLException {
        try (Connection c = warehouse.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

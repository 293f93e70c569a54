package org.ruralstat.stage;

import org.ruralstat.warehouse.Warehouse;
import org.ruralstat.warehouse.WarehouseSchema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.subject.RepositorySubjects;
import org.ruralstat.validate.Finding;
import org.ruralstat.validate.Severity;
import org.ruralstat.validate.StagedRow;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a row stages, rendered on the validation pool, must reach the staging tables as the row said: its facts to the
 * subject's table, its outcome to {@code stg_row}, its findings to {@code etl_issue}, all under the writer's
 * submission.
 */
class StagingLinesIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void aLoadedAndARejectedRowReachTheirTablesUnderTheSubmission() throws Exception {
        try (Warehouse warehouse = new Warehouse(temp)) {
            new WarehouseSchema(warehouse, RepositorySubjects.all()).apply();
            StagedRow loaded = new StagedRow("stg_employment", "Sheet1", 2,
                    List.of(Map.of("sheet", "Sheet1", "source_row", 2, "region_code", "222402", "year", 2023,
                            "period", "2023", "indicator_code", "transfer_employment", "persons", 1200)),
                    List.of(), List.of(), false);
            StagedRow rejected = new StagedRow("stg_employment", "Sheet1", 3, List.of(),
                    List.of(new Finding("Sheet1", 3, "转移就业人数", "C3", "-5", "EMP-001", Severity.ERROR,
                            "人数不能为负", "a head count cannot be negative")), List.of(), false);

            StagingLines loadedLines = StagingLines.of(loaded, warehouse);
            StagingLines rejectedLines = StagingLines.of(rejected, warehouse);
            assertThat(loadedLines.lines()).extracting(SpillLine::table).containsExactly("stg_employment", "stg_row");
            assertThat(rejectedLines.lines()).extracting(SpillLine::table).containsExactly("stg_row", "etl_issue");

            StagingItemWriter writer = new StagingItemWriter(warehouse, 41, () -> true);
            writer.open(new ExecutionContext());
            writer.write(new Chunk<>(loadedLines, rejectedLines));
            writer.update(new ExecutionContext());
            assertThat(writer.isFullyLoaded()).isTrue();
            writer.close();

            try (var c = warehouse.connect(); Statement s = c.createStatement()) {
                assertThat(text(s, "select string_agg(source_row || ':' || outcome, ' ' order by source_row) "
                        + "from stg_row where submission_id = 41")).isEqualTo("2:loaded 3:rejected");
                assertThat(text(s, "select region_code || ' ' || persons from stg_employment where submission_id = 41"))
                        .isEqualTo("222402 1200");
                assertThat(text(s, "select cell_ref || ' ' || rule || ' ' || message_zh from etl_issue "
                        + "where submission_id = 41")).isEqualTo("C3 EMP-001 人数不能为负");
            }
        }
    }

    private static String text(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

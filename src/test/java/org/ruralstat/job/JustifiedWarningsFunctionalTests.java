package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bureau justifies a warning (never an error) in a 说明 column: the warning is recorded as accepted with its text,
 * v_compare no longer calls it open, and a later version with the same value carries the acceptance. A 说明 on a row
 * with an error, or on a row with nothing left to explain, is reported.
 */
class JustifiedWarningsFunctionalTests {

    @TempDir
    Path temp;

    private Path county() {
        return temp.resolve("input/222424");
    }

    @Test
    void aJustifiedWarningIsAcceptedOnceAndNotRaisedAgain() throws Exception {
        ReturnFixtures.csv(county(), "2021年收入.csv", StandardCharsets.UTF_8,
                "村名,农村居民人均可支配收入（元）", "汪清村委会,10000", "城关村委会,12000");
        assertThat(TempDrop.run(temp)).isZero();
        ReturnFixtures.csv(county(), "2022年收入.csv", StandardCharsets.UTF_8,
                "村名,农村居民人均可支配收入（元）", "汪清村委会,18000", "城关村委会,12500");
        assertThat(TempDrop.run(temp)).isZero();
        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select rule || ':' || coalesce(justification, 'open') from etl_issue "
                    + "where submission_id = 2")).containsExactly("INC-005:open");
            // the year-on-year finding names its column, not only its cell
            assertThat(warehouse.strings("select column_name || ' ' || cell_ref from etl_issue where submission_id = 2"))
                    .containsExactly("农村居民人均可支配收入(元) B2");
            assertThat(warehouse.strings("select cast(has_open_warning as varchar) || cast(has_justified_warning as varchar) "
                    + "from v_compare where year = 2022 and indicator_code = 'rural_income_per_capita' and region_code = (select region_code from fact_income where value_yuan = 18000 limit 1)")).containsExactly("truefalse");
        }

        ReturnFixtures.csv(county(), "2022年收入（核实）.csv", StandardCharsets.UTF_8,
                "村名,农村居民人均可支配收入（元）,说明",
                "汪清村委会,18000,新建食品厂，200余人就近务工，收入增加属实", "城关村委会,12500,");
        assertThat(TempDrop.run(temp)).isZero();
        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select rule || ':' || coalesce(justification, 'open') from etl_issue "
                    + "where submission_id = 3")).containsExactly("INC-005:新建食品厂,200余人就近务工,收入增加属实");
            assertThat(warehouse.strings("select cast(has_open_warning as varchar) || cast(has_justified_warning as varchar) "
                    + "from v_compare where year = 2022 and indicator_code = 'rural_income_per_capita' and region_code = (select region_code from fact_income where value_yuan = 18000 limit 1)")).containsExactly("falsetrue");
            assertThat(warehouse.count("select count(*) from etl_justification")).isEqualTo(1);
        }

        ReturnFixtures.csv(county(), "2022年收入（第三版）.csv", StandardCharsets.UTF_8,
                "村名,农村居民人均可支配收入（元）", "汪清村委会,18000", "城关村委会,12600");
        assertThat(TempDrop.run(temp)).isZero();
        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select rule || ':' || coalesce(justification, 'open') from etl_issue "
                    + "where submission_id = 4")).containsExactly("INC-005:沿用报送 3 的说明：新建食品厂,200余人就近务工,收入增加属实");
            assertThat(warehouse.strings("select cast(has_open_warning as varchar) from v_compare "
                    + "where year = 2022 and indicator_code = 'rural_income_per_capita' and region_code = (select region_code from fact_income where value_yuan = 18000 limit 1)")).containsExactly("false");
        }
    }

    @Test
    void aJustificationOfAnErrorOrOfNothingIsReported() throws Exception {
        ReturnFixtures.csv(county(), "2022年收入.csv", StandardCharsets.UTF_8,
                "村名,农村居民人均可支配收入（元）,说明",
                "汪清村委会,500000,数据无误", "城关村委会,12000,已核实");
        assertThat(TempDrop.run(temp)).isZero();
        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select row_number || ':' || rule || ':' || severity || ':' || coalesce(justification, '-') "
                    + "from etl_issue order by row_number, rule"))
                    .containsExactly("2:INC-001:error:-", "2:ROW-023:warning:-", "3:ROW-024:warning:-");
            assertThat(warehouse.strings("select message_zh from etl_issue where rule = 'ROW-023'").get(0))
                    .contains("INC-001").contains("数据无误");
        }
    }

    /**
     * The bureau fills in the 说明 column of its 回执's 问题清单 and drops the 回执 back with the corrected return: the
     * warning is accepted (on the version it was raised on and on the correction), an error's 说明 is refused.
     */
    @Test
    void aReceiptSentBackWithItsJustificationsIsSettled() throws Exception {
        ReturnFixtures.csv(county(), "2021年收入.csv", StandardCharsets.UTF_8,
                "村名,农村居民人均可支配收入（元）", "汪清村委会,10000", "城关村委会,12000");
        assertThat(TempDrop.run(temp)).isZero();
        ReturnFixtures.csv(county(), "2022年收入.csv", StandardCharsets.UTF_8,
                "村名,农村居民人均可支配收入（元）,村集体经济收入（万元）", "汪清村委会,18000,20", "城关村委会,12500,-1");
        assertThat(TempDrop.run(temp)).isZero();
        Path receipt;
        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select rule from etl_issue where submission_id = 2 order by rule"))
                    .containsExactly("INC-002", "INC-005");
            receipt = temp.resolve("warehouse").resolve(warehouse.strings(
                    "select feedback_path from etl_submission where submission_id = 2").get(0));
        }
        Path returned = county().resolve("回执-2（已填说明）.xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(receipt.toFile())) {
            var sheet = workbook.getSheet("问题清单");
            int justification = -1;
            for (var cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().startsWith("说明")) {
                    justification = cell.getColumnIndex();
                }
            }
            assertThat(justification).isPositive();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                String rule = row.getCell(5).getStringCellValue();
                row.createCell(justification).setCellValue(rule.equals("INC-005") ? "新建食品厂，收入增加属实" : "数据无误");
            }
            try (var out = java.nio.file.Files.newOutputStream(returned)) {
                workbook.write(out);
            }
        }
        ReturnFixtures.csv(county(), "2022年收入（更正）.csv", StandardCharsets.UTF_8,
                "村名,农村居民人均可支配收入（元）,村集体经济收入（万元）", "汪清村委会,18000,20", "城关村委会,12500,5");
        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            String receiptId = warehouse.strings("select submission_id from etl_submission where subject = 'receipt'").get(0);
            String correctionId = warehouse.strings("select submission_id from etl_submission where file_name like '%更正%'").get(0);
            assertThat(warehouse.strings("select status from etl_submission where submission_id = " + receiptId))
                    .containsExactly("loaded_with_warnings");
            assertThat(warehouse.strings("select rule || ':' || coalesce(justification, 'open') from etl_issue "
                    + "where submission_id = 2 order by rule")).containsExactly("INC-002:open", "INC-005:新建食品厂,收入增加属实");
            assertThat(warehouse.strings("select rule || ':' || justification from etl_issue where submission_id = " + correctionId))
                    .containsExactly("INC-005:沿用报送 " + receiptId + " 的说明：新建食品厂,收入增加属实");
            assertThat(warehouse.strings("select rule || ':' || row_number || ':' || sheet from etl_issue where submission_id = "
                    + receiptId)).containsExactly("ROW-023:3:问题清单");
            assertThat(warehouse.count("select count(*) from fact_income where submission_id = " + receiptId)).isZero();
            assertThat(warehouse.count("select count(*) from duckdb_tables() where starts_with(table_name, 'stg_')"))
                    .as("no staging table in the analysts' snapshot").isZero();
        }
    }
}

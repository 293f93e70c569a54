package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Row and set rules of jobs/*.yml, end to end: each bad row rejected with its rule and cell, the good rows loaded. */
class ValidationRulesFunctionalTests {

    @TempDir
    Path temp;

    private int run() {
        return SharedApplication.run(temp.resolve("input"), temp.resolve("warehouse"));
    }

    private WarehouseQueries published() throws Exception {
        return WarehouseQueries.open(temp.resolve("warehouse/published/ruralstat.duckdb"));
    }

    @Test
    void sanitationRulesRejectDuplicatesWrongUnitsAndBackwardDatesAndCheckTheTotal() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/222402"), "2022年图们市污水治理项目.csv", StandardCharsets.UTF_8,
                "2022年图们市农村污水治理项目统计表",
                "项目名称,乡镇,村,类型,工程量,单位,投资（万元）,开工日期,完工日期",
                "笠峰村管网,月晴镇,笠峰村,污水管网,2.5,公里,120,2022-05-01,2022-10-01",
                "笠峰村管网,月晴镇,笠峰村,污水管网,2.5,公里,120,2022-05-01,2022-10-01",
                "水口村化粪池,月晴镇,水口村,化粪池,10,米,30,2022-05-01,2022-10-01",
                "杰满村终端,月晴镇,杰满村,一体化设备,1,套,80,2022-06-01,2022-05-01",
                "榆基村道路,月晴镇,榆基村,道路恢复,3000,平方米,40,2022-06-01,2022-09-30",
                "合计,,,,,,999,,");

        assertThat(run()).isZero();

        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.strings("select row_number || ':' || coalesce(cell_ref, '-') || ':' || rule || ':' || severity "
                    + "from etl_issue order by row_number, rule")).containsExactly(
                    "4:-:SAN-005:error", "5:F5:SAN-003:error", "6:I6:SAN-004:error");
            assertThat(warehouse.strings("select project_name || ':' || quantity || quantity_unit || ':' || investment_yuan "
                    + "from fact_sanitation_project order by source_row")).containsExactly(
                    "笠峰村管网:2500.00m:1200000.00", "榆基村道路:3000.00m2:400000.00");
            assertThat(warehouse.strings("select message_zh from etl_issue where rule = 'SAN-003'")).singleElement()
                    .asString().contains("化粪池").contains("座/套/个");
        }
    }

    @Test
    void everyRepeatOfAReturnsRowsIsRejectedAndRecordedAgainstTheFirst() throws Exception {
        List<String> lines = new ArrayList<>(List.of("项目名称,乡镇,村,类型,工程量,单位,投资（万元）,开工日期,完工日期"));
        List<String> projects = List.of(
                "笠峰村管网,月晴镇,笠峰村,污水管网,2.5,公里,120,2022-05-01,2022-10-01",
                "水口村化粪池,月晴镇,水口村,化粪池,10,座,30,2022-05-01,2022-10-01",
                "杰满村终端,月晴镇,杰满村,一体化设备,1,套,80,2022-06-01,2022-09-01");
        for (int copy = 0; copy < 401; copy++) {
            lines.addAll(projects);
        }
        ReturnFixtures.csv(temp.resolve("input/222402"), "2022年图们市污水治理项目.csv", StandardCharsets.UTF_8,
                lines.toArray(String[]::new));

        assertThat(run()).isZero();

        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.strings("select status || ':' || rows_read || ':' || rows_loaded || ':' || rows_rejected "
                    + "from etl_submission")).containsExactly("loaded:1203:3:1200");
            assertThat(warehouse.count("select count(*) from etl_issue where rule = 'SAN-005' and severity = 'error'"))
                    .isEqualTo(1200);
            assertThat(warehouse.count("select count(distinct row_number) from etl_issue where row_number between 5 and 1204"))
                    .isEqualTo(1200);
            assertThat(warehouse.strings("select message_zh from etl_issue where row_number = 1204")).singleElement()
                    .asString().contains("与第 4 行重复");
            assertThat(warehouse.strings("select project_name from fact_sanitation_project order by source_row"))
                    .containsExactly("笠峰村管网", "水口村化粪池", "杰满村终端");
        }
    }

    @Test
    void totalRowThatDisagreesWithItsRowsIsAWarningWithBothNumbers() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/222402"), "2022年就业.csv", StandardCharsets.UTF_8,
                "地区,年度,转移就业人数,公益岗位人数",
                "月晴镇,2022,1200,80",
                "石岘镇,2022,900,70",
                "合计,,2100,160");

        assertThat(run()).isZero();

        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.strings("select cell_ref || ':' || rule || ':' || severity from etl_issue"))
                    .containsExactly("D4:EMP-005:warning");
            assertThat(warehouse.strings("select message_zh from etl_issue")).singleElement().asString()
                    .contains("160").contains("150");
            assertThat(warehouse.count("select count(*) from fact_employment")).isEqualTo(4);
            assertThat(warehouse.strings("select status from etl_submission")).containsExactly("loaded");
        }
    }

    @Test
    void operatingIncomeAboveCollectiveIncomeIsRejectedAndYearOnYearJumpsAreFlagged() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/222402"), "村集体收入.csv", StandardCharsets.UTF_8,
                "地区,年度,村集体经济收入（万元）,村集体经营性收入（万元）",
                "笠峰村,2022,10,12",
                "水口村,2021,10,5",
                "水口村,2022,30,5");

        assertThat(run()).isZero();

        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.strings("select cell_ref || ':' || rule || ':' || severity from etl_issue order by row_number"))
                    .containsExactly("D2:INC-003:error", "C4:INC-005:warning");
            assertThat(warehouse.strings("select status || ':' || rows_loaded || ':' || rows_rejected || ':' || rows_warned "
                    + "from etl_submission")).containsExactly("loaded_with_warnings:2:1:1");
            assertThat(warehouse.count("select count(*) from fact_income where source_row = 2")).isZero();
        }
    }

    @Test
    void aRetiredCountyCodeIsStoredUnderItsSuccessorWithAWarning() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/220200"), "1991年收入.csv", StandardCharsets.UTF_8,
                "区划代码,地区,年度,农村居民人均可支配收入（元）",
                "220222,舒兰县,1991,1200",
                "220283,舒兰市,1992,1300");

        assertThat(run()).isZero();

        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.strings("select region_code || ':' || coalesce(reported_region_code, '-') || ':' || year "
                    + "from fact_income order by year")).containsExactly("220283:220222:1991", "220283:-:1992");
            assertThat(warehouse.strings("select cell_ref || ':' || rule || ':' || severity from etl_issue"))
                    .containsExactly("A2:ROW-020:warning");
            assertThat(warehouse.strings("select message_zh from etl_issue")).singleElement().asString().contains("舒兰市");
        }
    }

    @Test
    void aRowOutsideTheJurisdictionRejectsTheWholeFileAsASecurityEvent() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/222402"), "收入.csv", StandardCharsets.UTF_8,
                "地区,年度,农村居民人均可支配收入（元）",
                "图们市,2022,16000",
                "汪清县,2022,15000");

        assertThat(run()).isZero();

        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.strings("select rule from etl_issue order by rule")).containsExactly("FILE-015", "ROW-007");
            assertThat(warehouse.strings("select status from etl_submission")).containsExactly("rejected");
            assertThat(warehouse.count("select count(*) from fact_income")).isZero();
            assertThat(warehouse.strings("select submitter_code || ':' || event || ':' || rows_affected from etl_security_event"))
                    .containsExactly("222402:outside_jurisdiction:1");
        }
    }

    @Test
    void perCapitaIncomeOutOfRangeAndBadIdNumbersAreRejectedWithTheirRules() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/222402"), "收入.csv", StandardCharsets.UTF_8,
                "地区,年度,农村居民人均可支配收入（万元）",
                "图们市,2022,1.6",
                "月晴镇,2022,160");
        String good = ReturnFixtures.idNumber("222402", "19800101", 12);
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        ReturnFixtures.csv(temp.resolve("input/222402"), "2021年驻村干部.csv", StandardCharsets.UTF_8,
                "姓名,身份证号,出生年月,选派层级,职务,乡镇,驻村名称,任职起始日期,任职结束日期",
                "张三," + good + ",1981.01,省级,第一书记,月晴镇,笠峰村,2021-10-01,2023-10-01",
                "李四," + badCheck + ",1980.01,县级,工作队员,月晴镇,水口村,2021-10-01,2023-10-01",
                "王五," + good.substring(0, 17) + ",1980.01,县级,工作队员,月晴镇,水口村,2021-10-01,2023-10-01",
                "赵六," + ReturnFixtures.idNumber("222402", "19900101", 15) + ",1990.01,县级,工作队员,月晴镇,杰满村,2023-10-01,2021-10-01");

        assertThat(run()).isZero();

        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.strings("select cell_ref || ':' || rule from etl_issue")).containsExactlyInAnyOrder(
                    "C3:INC-001",
                    "C2:CAD-002", "B3:ROW-011", "B4:ROW-010", "I5:CAD-001");
            assertThat(warehouse.strings("select raw_value from etl_issue where rule like 'ROW-01%'"))
                    .allSatisfy(v -> assertThat(v).doesNotContain(good.substring(6, 14)));
            assertThat(warehouse.count("select count(*) from fact_cadre_posting")).isEqualTo(1);
            assertThat(warehouse.count("select count(*) from fact_income")).isEqualTo(1);
        }
    }
}

package org.ruralstat.job;

import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each value under its own year: years in column headers (a merged group header over year columns, a year written
 * into each header), 本年 beside 上年, a span of years in the title, and columns that bind to nothing named in a
 * warning. Every value once, under its year, in yuan; nothing under a year it does not belong to.
 */
class PeriodPerValueFunctionalTests {

    private static final String WANGQING = "汪清村委会";
    private static final String CHENGGUAN = "城关村委会";

    @TempDir
    Path temp;

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    @Test
    void aMergedGroupHeaderOverYearColumnsLoadsEveryYearUnderItsOwnYear() throws Exception {
        ReturnFixtures.xlsx(temp.resolve("input/222424"), "汪清县村级收入.xlsx", "汪清县2020-2022年村级农村居民人均可支配收入",
                List.of(row("区划代码", "村名", "农村居民人均可支配收入（元）", null, null),
                        row(null, null, "2020年", "2021年", "2022年")),
                List.of(row("222424100200", WANGQING, 13000, 14000, 15000),
                        row("222424100201", CHENGGUAN, 12000, 12500, 13100)),
                new CellRangeAddress(1, 1, 2, 4), new CellRangeAddress(1, 2, 0, 0), new CellRangeAddress(1, 2, 1, 1));

        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select region_code || ':' || period || ':' || cast(value_yuan as integer) "
                    + "|| ':' || source_column from fact_income order by 1")).containsExactly(
                    "222424100200:2020:13000:C", "222424100200:2021:14000:D", "222424100200:2022:15000:E",
                    "222424100201:2020:12000:C", "222424100201:2021:12500:D", "222424100201:2022:13100:E");
            assertThat(warehouse.strings("select rule from etl_issue")).isEmpty();
            assertThat(warehouse.strings("select status || ':' || period || ':' || rows_loaded from etl_submission"))
                    .containsExactly("loaded:2020-2022:2");
        }
    }

    @Test
    void aGbkCsvWithTheYearInEachHeaderAndNoneInTheTitleLoadsEachColumnUnderItsYear() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/222424"), "收入.csv", Charset.forName("GBK"),
                "汪清县村级农村居民收入情况表",
                "区划代码,村名,农村居民人均可支配收入2021年（元）,农村居民人均可支配收入2022年（元）,增长%",
                "222424100200," + WANGQING + ",15000,16000,6.7",
                "222424100201," + CHENGGUAN + ",14000,14500,3.6");

        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select region_code || ':' || year || ':' || cast(value_yuan as integer) "
                    + "from fact_income order by 1")).containsExactly(
                    "222424100200:2021:15000", "222424100200:2022:16000",
                    "222424100201:2021:14000", "222424100201:2022:14500");
            assertThat(warehouse.strings("select rule || ':' || cell_ref || ':' || severity from etl_issue"))
                    .containsExactly("FILE-017:E2:warning");
        }
    }

    @Test
    void thisYearLoadsAndLastYearsColumnIsCheckedAgainstThePublishedFigureNeverStored() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/222424"), "2021年村集体收入.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）", WANGQING + ",10", CHENGGUAN + ",7.25");
        assertThat(TempDrop.run(temp)).isZero();
        ReturnFixtures.xlsx(temp.resolve("input/222424"), "村集体收入.xlsx", "汪清县2022年村集体经济收入",
                List.of(row("村名", "村集体经济收入（万元）", null), row(null, "本年", "上年")),
                List.of(row(WANGQING, 12.5, 10), row(CHENGGUAN, 8, 7.5)),
                new CellRangeAddress(1, 1, 1, 2), new CellRangeAddress(1, 2, 0, 0));
        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select region_code || ':' || period || ':' || cast(value_yuan as integer) "
                    + "from fact_income order by 1")).containsExactly(
                    "222424100200:2021:100000", "222424100200:2022:125000",
                    "222424100201:2021:72500", "222424100201:2022:80000");
            assertThat(warehouse.strings("select rule || ':' || cell_ref || ':' || severity from etl_issue"))
                    .containsExactly("INC-007:C5:warning");
            assertThat(warehouse.strings("select message_zh from etl_issue")).singleElement().asString()
                    .contains("75000", "72500", "2021");
            assertThat(warehouse.strings("select status from etl_submission order by submission_id"))
                    .containsExactly("loaded", "loaded_with_warnings");
        }
    }

    @Test
    void aLastYearColumnOfNoIndicatorIsNamedInAWarning() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/222424"), "2022年收入.csv", StandardCharsets.UTF_8,
                "村名,农村居民人均可支配收入（元）,上年同期人均消费支出（元）", WANGQING + ",15000,9000");

        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.count("select count(*) from fact_income")).isEqualTo(1);
            assertThat(warehouse.strings("select rule || ':' || cell_ref from etl_issue")).containsExactly("FILE-018:C1");
        }
    }

    @Test
    void aYearOutsideTheTitlesSpanIsAnErrorOnItsRowAndColumnsOfAnotherSubjectOrNoneAreNamed() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/222424"), "收入.csv", StandardCharsets.UTF_8,
                "汪清县2020-2022年村级收入",
                "村名,年度,农村居民人均可支配收入（元）,公益岗位（个）,备注",
                WANGQING + ",2021,14000,3,",
                WANGQING + ",2023,15000,3,新建工厂");

        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select period from fact_income")).containsExactly("2021");
            assertThat(warehouse.strings("select rule || ':' || coalesce(cell_ref, '') || ':' || severity from etl_issue "
                    + "order by rule")).containsExactly("FILE-016:E2:warning", "FILE-019:D2:warning", "ROW-021:B4:error");
        }
    }

    @Test
    void postsCountedInGeOrGangLoadAsPersonsAndAUnitOfTheWrongKindNamesTheIndicator() throws Exception {
        ReturnFixtures.csv(temp.resolve("input/222424"), "2022年就业.csv", StandardCharsets.UTF_8,
                "村名,公益岗位（个）,转移就业人数（人）",
                WANGQING + ",12,300",
                CHENGGUAN + ",8,250");
        ReturnFixtures.csv(temp.resolve("input/222426"), "2022年就业.csv", StandardCharsets.UTF_8,
                "地区,指标,数值,单位",
                "安图县,公益岗位,40,岗",
                "安图县,转移就业人数,5000,元");

        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select region_code || ':' || indicator_code || ':' || persons from fact_employment "
                    + "order by 1")).containsExactly("222424100200:public_welfare_posts:12",
                    "222424100200:transfer_employment:300", "222424100201:public_welfare_posts:8",
                    "222424100201:transfer_employment:250", "222426:public_welfare_posts:40");
            assertThat(warehouse.strings("select rule || ':' || cell_ref from etl_issue")).containsExactly("ROW-022:C3");
            assertThat(warehouse.strings("select message_zh from etl_issue")).singleElement().asString()
                    .contains("元", "transfer_employment", "万人");
        }
    }

    @Test
    void aNamesOnlyReturnWithTownshipsMergedDownResolvesEachVillageInItsTownship() throws Exception {
        ReturnFixtures.xlsx(temp.resolve("input/222424"), "村集体经济收入.xlsx", "汪清县2022年村集体经济收入",
                List.of(row("序号", "乡镇", "村", "村集体经济收入（万元）")),
                List.of(row(null, "合计", null, 30),
                        row(1, "汪清镇", "河北村", 10),
                        row(2, null, "城关村", 12),
                        row(3, "大兴沟镇", "河北村", 8)),
                new CellRangeAddress(3, 4, 1, 1));
        ReturnFixtures.csv(temp.resolve("input/222424"), "2022年村集体经济收入（补报）.csv", StandardCharsets.UTF_8,
                "乡镇,村,村集体经济收入（万元）", "合计,,9", ",河北村,1", "大兴沟镇,河南村,7");

        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select region_code || ':' || cast(value_yuan as integer) from fact_income order by 1"))
                    .containsExactly("222424100201:120000", "222424100203:100000", "222424101200:70000",
                            "222424101203:80000");
            assertThat(warehouse.strings("select rule || ':' || cell_ref from etl_issue order by 1"))
                    .containsExactly("ROW-006:B3");
            assertThat(warehouse.strings("select message_zh from etl_issue where rule = 'ROW-006'")).singleElement()
                    .asString().contains("汪清镇", "大兴沟镇");
        }
    }
}

package org.ruralstat.job;

import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.RuralstatApplication;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real job through the real command line, over drops the tests write, into real DuckDB files. */
class RunCommandFunctionalTests {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path temp;

    private Path input() {
        return temp.resolve("input");
    }

    private Path warehouse() {
        return temp.resolve("warehouse");
    }

    private int run() {
        return SharedApplication.run(input(), warehouse());
    }

    private WarehouseQueries published() throws Exception {
        return WarehouseQueries.open(warehouse().resolve("published/ruralstat.duckdb"));
    }

    @Test
    void loadsMixedDropThenLeavesItAloneOnSecondRun() throws Exception {
        Path tumen = input().resolve("222402");
        ReturnFixtures.csv(tumen, "2021年图们市收入.csv", GBK,
                "2021年图们市农村居民收入情况", "单位：元",
                "地区,区划代码,指标,数值,单位",
                "图们市,222402,农村居民人均可支配收入,\"15,213\",元",
                "月晴镇,222402100,村集体经济收入,1.5,万元",
                "合计,,,,",
                "填表人：王五,,审核人：赵六,,");
        Files.copy(tumen.resolve("2021年图们市收入.csv"), tumen.resolve("副本-收入.csv"));
        Files.write(tumen.resolve("损坏的文件.xlsx"), new byte[]{0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8});
        Files.write(tumen.resolve("~$2021年图们市收入.xlsx"), new byte[]{1, 2, 3});
        writeTraditionalCadreReturn(input().resolve("222426"));

        assertThat(run()).isZero();

        String metrics = Files.readString(warehouse().resolve("metrics/ruralstat.prom"));
        assertThat(metrics).containsPattern("(?m)^ruralstat_last_run_exit_code 0(\\.0)?$")
                .containsPattern("(?m)^ruralstat_last_run_completed 1(\\.0)?$").doesNotContain("run_id")
                .contains("spring_batch_step_seconds_count{").contains("name=\"stageSubmissionsStep\"");
        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.strings("select region_code || ':' || indicator_code || ':' || value_yuan "
                    + "from fact_income order by region_code")).containsExactly(
                    "222402:rural_income_per_capita:15213.00", "222402100:collective_income:15000.00");
            assertThat(warehouse.strings("select village_code || ':' || role || ':' || dispatch_level || ':' || start_date "
                    + "|| ':' || end_date || ':' || name_masked from fact_cadre_posting order by source_row")).containsExactly(
                    "222426100200:first_secretary:provincial:2021-10-08:2023-10-07:李*明",
                    "222426100201:team_member:county:2021-10-08:2023-10-07:王*");
            assertThat(warehouse.strings("select file_name || ':' || status from etl_submission order by file_name"))
                    .containsExactly("2021年图们市收入.csv:loaded", "2021年安图县驻村干部.xlsx:loaded",
                            "副本-收入.csv:duplicate", "损坏的文件.xlsx:rejected");
            assertThat(warehouse.strings("select rule from etl_issue where submission_id = "
                    + "(select submission_id from etl_submission where file_name = '损坏的文件.xlsx')")).containsExactly("FILE-004");
            assertThat(warehouse.count("select rows_read from etl_submission where file_name = '2021年图们市收入.csv'")).isEqualTo(2);
            assertThat(warehouse.strings("select cadre_key from fact_cadre_posting"))
                    .allSatisfy(key -> assertThat(key).matches("[0-9a-f]{64}"));
        }

        assertThat(run()).isZero();

        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.count("select count(*) from fact_income")).isEqualTo(2);
            assertThat(warehouse.count("select count(*) from fact_cadre_posting")).isEqualTo(2);
            assertThat(warehouse.count("select count(*) from etl_submission")).isEqualTo(4);
            assertThat(warehouse.strings("select distinct outcome from etl_run_file where run_id = "
                    + "(select max(run_id) from etl_run_file)")).containsExactlyInAnyOrder("already_loaded", "skipped_ignored");
        }
    }

    @Test
    void rejectsBadRowsWithCellReferencesAndLoadsTheGoodOnes() throws Exception {
        ReturnFixtures.csv(input().resolve("222402"), "2022年就业.csv", StandardCharsets.UTF_8,
                "\uFEFF地区,年度,转移就业人数,公益岗位人数（人）",
                "月晴镇,2022,1200,80",
                "不存在的镇,2022,300,10",
                "石岘镇,2022,九百,abc",
                "长安镇,2022,0.05万,12");

        assertThat(run()).isZero();

        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.strings("select region_code || ':' || indicator_code || ':' || persons from fact_employment "
                    + "order by region_code, indicator_code")).containsExactly(
                    "222402100:public_welfare_posts:80", "222402100:transfer_employment:1200",
                    "222402102:public_welfare_posts:12", "222402102:transfer_employment:500");
            assertThat(warehouse.strings("select cell_ref || ':' || rule || ':' || severity from etl_issue order by row_number"))
                    .containsExactly("A3:ROW-005:error", "D4:ROW-002:error");
            assertThat(warehouse.strings("select status || ':' || rows_read || ':' || rows_loaded || ':' || rows_rejected "
                    + "from etl_submission")).containsExactly("loaded:4:2:2");
            assertThat(warehouse.strings("select message_zh from etl_issue where rule = 'ROW-005'"))
                    .singleElement().asString().contains("不存在的镇");
        }
    }

    @Test
    void writesAFeedbackWorkbookThatPointsAtEachBadCell() throws Exception {
        ReturnFixtures.csv(input().resolve("222402"), "2022年就业.csv", StandardCharsets.UTF_8,
                "地区,年度,转移就业人数,公益岗位人数（人）",
                "月晴镇,2022,1200,80",
                "=HYPERLINK(\"http://x\"),2022,300,10",
                "石岘镇,2022,九百,abc");

        assertThat(run()).isZero();

        Path feedback = warehouse().resolve("feedback/222402/回执-000001-2022年就业(csv).xlsx");
        assertThat(feedback).exists();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(feedback.toFile())) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("回执");
            assertThat(workbook.getSheetAt(0).getRow(9).getCell(1).getStringCellValue()).contains("loaded");
            var list = workbook.getSheet("问题清单");
            assertThat(list.getLastRowNum()).isEqualTo(2);
            assertThat(list.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2022年就业!A3");
            var copy = workbook.getSheet("原表-2022年就业");
            var injected = copy.getRow(2).getCell(0);
            assertThat(injected.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(injected.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(injected.getCellComment().getString().getString()).contains("ROW-005");
            assertThat(copy.getRow(3).getCell(3).getCellComment().getString().getString()).contains("ROW-002");
        }
        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.strings("select feedback_path from etl_submission"))
                    .containsExactly("feedback/222402/回执-000001-2022年就业(csv).xlsx");
        }
    }

    @Test
    void correctedResubmissionSupersedesTheEarlierVersion() throws Exception {
        Path folder = input().resolve("222402");
        ReturnFixtures.csv(folder, "收入.csv", StandardCharsets.UTF_8,
                "地区,年度,农村居民人均可支配收入（元）", "图们市,2021,15000");
        assertThat(run()).isZero();
        ReturnFixtures.csv(folder, "收入.csv", StandardCharsets.UTF_8,
                "地区,年度,农村居民人均可支配收入（元）", "图们市,2021,15213");
        assertThat(run()).isZero();

        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.number("select sum(value_yuan) from fact_income")).isEqualByComparingTo(new BigDecimal("15213"));
            assertThat(warehouse.strings("select status from etl_submission order by submission_id"))
                    .containsExactly("superseded", "loaded");
            assertThat(warehouse.count("select supersedes from etl_submission where status = 'loaded'")).isEqualTo(1);
        }
    }

    @Test
    void rejectsAWholeFileThatLacksRequiredColumnsAndNamesWhatItFound() throws Exception {
        ReturnFixtures.csv(input().resolve("222426"), "驻村干部.csv", StandardCharsets.UTF_8,
                "姓名,性别,派出单位", "李小明,男,吉林省财政厅");
        assertThat(run()).isZero();
        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.strings("select rule from etl_issue")).containsExactly("FILE-011");
            assertThat(warehouse.strings("select message_zh from etl_issue")).singleElement().asString()
                    .contains("驻村干部").contains("身份证号").contains("派出单位");
            assertThat(warehouse.strings("select status from etl_submission")).containsExactly("rejected");
            assertThat(warehouse.count("select count(*) from fact_cadre_posting")).isZero();
        }
    }

    @Test
    void readsPostingDatesWrittenAsOneRangeAndVillagesWrittenWithTheirTownship() throws Exception {
        ReturnFixtures.csv(input().resolve("222402"), "2021年驻村干部.csv", StandardCharsets.UTF_8,
                "序号,姓名,身份证号,选派层级,职务,驻村名称,任职起止日期",
                "1,张三," + ReturnFixtures.idNumber("222402", "19800101", 12) + ",省,第一书记,月晴镇笠峰村,2021.10-2023.10",
                "2,李四," + ReturnFixtures.idNumber("222402", "19810101", 13) + ",县,工作队员,图们市月晴镇水口村,2021年10月至今");
        assertThat(run()).isZero();
        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.strings("select village_code || ':' || start_date || ':' || coalesce(cast(end_date as varchar), '-') "
                    + "from fact_cadre_posting order by source_row")).containsExactly(
                    "222402100200:2021-10-01:2023-10-01", "222402100201:2021-10-01:-");
        }
    }

    @Test
    void leavesAFileStillBeingWrittenForTheNextRun() throws Exception {
        Path tumen = input().resolve("222402");
        ReturnFixtures.csv(tumen, "2021年收入.csv", StandardCharsets.UTF_8, "地区,年度,农村居民人均可支配收入（元）", "图们市,2021,15000");
        String[] withDefaultQuietPeriod = {"run", "--input", input().toString(), "--warehouse", warehouse().toString()};

        assertThat(RuralstatApplication.execute(withDefaultQuietPeriod)).isZero();
        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.count("select count(*) from etl_submission")).isZero();
            assertThat(warehouse.count("select count(*) from fact_income")).isZero();
        }
        try (WarehouseQueries working = WarehouseQueries.open(warehouse().resolve("ruralstat.duckdb"))) {
            assertThat(working.strings("select file_path || ':' || outcome from etl_run_file"))
                    .containsExactly("222402/2021年收入.csv:not_ready");
        }

        Files.setLastModifiedTime(tumen.resolve("2021年收入.csv"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(120)));
        assertThat(RuralstatApplication.execute(withDefaultQuietPeriod)).isZero();
        try (WarehouseQueries warehouse = published()) {
            assertThat(warehouse.strings("select file_name || ':' || status || ':' || rows_loaded from etl_submission"))
                    .containsExactly("2021年收入.csv:loaded:1");
        }
    }

    @Test
    void answersUsageErrorsWithExitCodeTwo() {
        assertThat(RuralstatApplication.execute()).isEqualTo(ExitCodes.USAGE);
        assertThat(RuralstatApplication.execute("frobnicate")).isEqualTo(ExitCodes.USAGE);
        assertThat(RuralstatApplication.execute("run", "--input")).isEqualTo(ExitCodes.USAGE);
        assertThat(RuralstatApplication.execute("run", "--quiet-period", "soon")).isEqualTo(ExitCodes.USAGE);
        assertThat(RuralstatApplication.execute("run", "--csv")).isEqualTo(ExitCodes.USAGE);
        assertThat(RuralstatApplication.execute("query", "--quiet-period", "0s", "select 1")).isEqualTo(ExitCodes.USAGE);
        assertThat(RuralstatApplication.execute("serve", "--ruralstat.schedule.cron")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aMissingDropFolderIsAUsageErrorBeforeAnythingStarts() {
        assertThat(RuralstatApplication.execute("run", "--quiet-period", "0s", "--input", temp.resolve("nowhere").toString(),
                "--warehouse", warehouse().toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(warehouse()).doesNotExist();
    }

    @Test
    void helpVersionAndBadSettingsAnswerAtOnceOnOneLine() {
        java.io.PrintStream stdout = System.out;
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            for (String[] help : new String[][]{{"--help"}, {"-h"}, {"run", "--help"}, {"query", "-h"}}) {
                assertThat(RuralstatApplication.execute(help)).as(String.join(" ", help)).isZero();
            }
            assertThat(RuralstatApplication.execute("--version")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: java -jar target/ruralstat.jar run")
                    .contains("ruralstat ");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
            String input = input().toString();
            for (String bad : new String[]{"--ruralstat.threads=abc", "--ruralstat.quiet-period=soon",
                    "--ruralstat.schedule.cron=every night", "--ruralstat.schedule.zone=Mars/Base", "--ruralstat.thread=2",
                    "--ruralstat.workers.broker=rabbit.local", "--ruralstat.workers.queue=no queue", "--ruralstat.workers.timeout=ever"}) {
                err.reset();
                assertThat(RuralstatApplication.execute("run", "--input", input, "--warehouse", warehouse().toString(), bad))
                        .as(bad).isEqualTo(ExitCodes.USAGE);
                assertThat(err.toString(StandardCharsets.UTF_8).strip()).as(bad).doesNotContain("\n").contains("ruralstat.");
            }
            for (String[] bad : new String[][]{{"worker", "--input", input}, {"worker", "--quiet-period", "0s"}}) {
                err.reset();
                assertThat(RuralstatApplication.execute(bad)).as(String.join(" ", bad)).isEqualTo(ExitCodes.USAGE);
                assertThat(err.toString(StandardCharsets.UTF_8)).contains("a worker reads the files its manager hands it");
            }
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertThat(warehouse()).doesNotExist();
    }

    /** Traditional characters, a title row, and a two-row header with 任職時間 merged over 起 and 止. */
    private static void writeTraditionalCadreReturn(Path folder) throws IOException {
        List<Object> top = Arrays.asList("姓名", "性別", "身份證號", "選派層級", "派出單位", "職務", "鄉鎮", "駐村名稱", "任職時間", null);
        List<Object> bottom = Arrays.asList(null, null, null, null, null, null, null, null, "起", "止");
        ReturnFixtures.xlsx(folder, "2021年安图县驻村干部.xlsx", "安圖縣駐村幹部選派情況統計表（2021年）",
                List.of(top, bottom),
                List.of(Arrays.asList("李曉明", "男", ReturnFixtures.idNumber("222426", "19850312", 11), "省級", "吉林省財政廳",
                                "第一書記", "明月鎮", "新安村", "2021.10.08", "2023年10月7日"),
                        Arrays.asList("王芳", "女", ReturnFixtures.idNumber("222426", "19900101", 22), "縣級", "安圖縣農業農村局",
                                "工作隊員", "明月鎮", "明安村", "2021-10-08", "2023-10-07")),
                new CellRangeAddress(1, 1, 8, 9));
    }
}

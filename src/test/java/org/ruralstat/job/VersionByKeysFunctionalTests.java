package org.ruralstat.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.RuralstatApplication;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version is the set of keys it reports: a correction retires the earlier values of the keys it covers (accepted or
 * rejected rows alike), parts of one return that cover other villages coexist, and for one submitter and key there is
 * never more than one live fact.
 */
class VersionByKeysFunctionalTests {

    @TempDir
    Path temp;

    private Path county() {
        return temp.resolve("input/222424");
    }

    @Test
    void aCorrectionCoveringMoreYearsThanTheVersionItCorrectsLeavesEveryValueOnce() throws Exception {
        ReturnFixtures.csv(county(), "收入2019-2022.csv", StandardCharsets.UTF_8,
                "村名,年度,农村居民人均可支配收入（元）",
                "汪清村委会,2019,11000", "汪清村委会,2020,12000", "汪清村委会,2021,13000", "汪清村委会,2022,待核实");
        assertThat(TempDrop.run(temp)).isZero();
        ReturnFixtures.csv(county(), "收入2019-2022（更正）.csv", StandardCharsets.UTF_8,
                "村名,年度,农村居民人均可支配收入（元）",
                "汪清村委会,2019,11000", "汪清村委会,2020,12000", "汪清村委会,2021,13100", "汪清村委会,2022,14000");
        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select period || ':' || cast(value_yuan as integer) from fact_income order by 1"))
                    .containsExactly("2019:11000", "2020:12000", "2021:13100", "2022:14000");
            assertThat(warehouse.strings("select submission_id || ':' || status || ':' || coalesce(cast(superseded_by as varchar), '-') "
                    + "|| ':' || coalesce(cast(supersedes as varchar), '-') from etl_submission order by submission_id"))
                    .containsExactly("1:superseded:2:-", "2:loaded:-:1");
            assertThat(warehouse.strings("select submission_id || '>' || replaced_submission_id || ':' || facts_replaced "
                    + "|| ':' || whole from etl_replacement")).containsExactly("2>1:3:true");
            assertOneLiveFactPerKey(warehouse);
            String receipt = warehouse.strings("select feedback_path from etl_submission where submission_id = 2").get(0);
            try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(temp.resolve("warehouse").resolve(receipt).toFile())) {
                var sheet = workbook.getSheet("回执");
                StringBuilder text = new StringBuilder();
                sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('\n')));
                assertThat(text.toString()).contains("本报送替换了报送 1（收入2019-2022.csv）的 3 条数据（全部）");
            }
        }
    }

    @Test
    void partsOfOneReturnCoveringOtherVillagesCoexist() throws Exception {
        ReturnFixtures.csv(county(), "2022年收入（第一片区）.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）", "汪清村委会,10", "城关村委会,12");
        ReturnFixtures.csv(county(), "2022年收入（第二片区）.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）", "大川村委会,8", "夹皮沟村委会,9");

        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.count("select count(*) from fact_income")).isEqualTo(4);
            assertThat(warehouse.strings("select distinct status from etl_submission")).containsExactly("loaded");
            assertThat(warehouse.count("select count(*) from etl_replacement")).isZero();
            assertOneLiveFactPerKey(warehouse);
        }
    }

    @Test
    void aRejectedRowOfTheNewVersionRetiresTheOldValueOfItsKeyAndTheRestOfTheOldVersionStays() throws Exception {
        ReturnFixtures.csv(county(), "2022年收入.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）", "汪清村委会,10", "城关村委会,12", "大川村委会,8");
        assertThat(TempDrop.run(temp)).isZero();
        Path correction = ReturnFixtures.csv(county(), "2022年收入（更正）.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）", "汪清村委会,11", "城关村委会,十二点五万");
        Files.setLastModifiedTime(correction, FileTime.from(Instant.now().minusSeconds(5)));
        assertThat(TempDrop.run(temp)).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select region_code || ':' || cast(value_yuan as integer) || ':' || submission_id "
                    + "from fact_income order by 1")).containsExactly("222424100200:110000:2", "222424100202:80000:1");
            assertThat(warehouse.strings("select submission_id || ':' || status from etl_submission order by 1"))
                    .containsExactly("1:loaded", "2:loaded");
            assertThat(warehouse.strings("select submission_id || '>' || replaced_submission_id || ':' || facts_replaced "
                    + "|| ':' || whole from etl_replacement")).containsExactly("2>1:2:false");
            assertOneLiveFactPerKey(warehouse);
        }
    }

    @Test
    void anOperatorRetractsALoadedSubmissionWithAReasonKeptInTheLedger() throws Exception {
        ReturnFixtures.csv(county(), "2022年收入.csv", StandardCharsets.UTF_8,
                "村名,村集体经济收入（万元）", "汪清村委会,10", "城关村委会,12");
        ReturnFixtures.csv(temp.resolve("input/222426"), "2022年收入.csv", StandardCharsets.UTF_8,
                "地区,村集体经济收入（万元）", "安图县,300");
        assertThat(TempDrop.run(temp)).isZero();

        String warehouseDir = temp.resolve("warehouse").toString();
        String input = temp.resolve("input").toString();
        assertThat(RuralstatApplication.execute("retract", "1", "--reason", "县局申请撤回，联系人13912345678",
                "--quiet-period", "0s", "--input", input, "--warehouse", warehouseDir)).isZero();
        assertThat(RuralstatApplication.execute("retract", "1", "--reason", "again", "--quiet-period", "0s",
                "--input", input, "--warehouse", warehouseDir)).isEqualTo(ExitCodes.USAGE);
        assertThat(RuralstatApplication.execute("retract", "1", "--warehouse", warehouseDir))
                .isEqualTo(ExitCodes.USAGE);

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select region_code from fact_income")).containsExactly("222426");
            assertThat(warehouse.strings("select submission_id || ':' || status from etl_submission order by 1"))
                    .containsExactly("1:retracted", "2:loaded");
            assertThat(warehouse.strings("select reason || ':' || facts_removed from etl_retraction"))
                    .containsExactly("县局申请撤回，联系人139****5678:2");
        }
    }

    @Test
    void aRecheckAfterTheRegionListChangesReadsTheUnchangedFilesAgainAndReplacesWhatTheyHadLoaded() throws Exception {
        Path seeds = temp.resolve("seeds");
        Files.createDirectories(seeds);
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(file, seeds.resolve(file.getFileName().toString()));
            }
        }
        ReturnFixtures.csv(county(), "2022年收入.csv", StandardCharsets.UTF_8,
                "区划代码,村集体经济收入（万元）", "222424100200,10", "222424100201,12");
        ReturnFixtures.csv(county(), "2022年收入（新村）.csv", StandardCharsets.UTF_8,
                "区划代码,村集体经济收入（万元）", "222424100299,3");
        String[] common = {"--quiet-period", "0s", "--input", temp.resolve("input").toString(),
                "--warehouse", temp.resolve("warehouse").toString(), "--ruralstat.seeds=file:" + seeds + "/"};
        assertThat(RuralstatApplication.execute(with("run", common))).isZero();

        // the new code list retires 汪清村委会's code and adds the new village
        Path regions = seeds.resolve("regions.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(regions, StandardCharsets.UTF_8));
        lines.removeIf(line -> line.startsWith("222424100200,"));
        lines.add("222424100299,新建村委会,village,222424100,222424,222400,220000");
        Files.write(regions, lines, StandardCharsets.UTF_8);
        assertThat(RuralstatApplication.execute(with("recheck", common, "--rejected", "--submitter", "222424"))).isZero();

        try (WarehouseQueries warehouse = TempDrop.published(temp)) {
            assertThat(warehouse.strings("select region_code || ':' || submission_id from fact_income order by 1"))
                    .containsExactly("222424100201:3", "222424100299:4");
            assertThat(warehouse.strings("select submission_id || ':' || status from etl_submission order by 1"))
                    .containsExactly("1:superseded", "2:rejected", "3:loaded", "4:loaded");
            assertThat(warehouse.strings("select submission_id || '>' || rechecked_submission_id from etl_recheck order by 1"))
                    .containsExactly("3>1", "4>2");
            assertThat(warehouse.strings("select rule || ':' || cell_ref from etl_issue where submission_id = 3"))
                    .containsExactly("ROW-005:A2");
            assertOneLiveFactPerKey(warehouse);
        }
    }

    private static String[] with(String command, String[] common, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(command));
        args.addAll(List.of(common));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The warehouse's invariant: for one submitter and key (region, indicator, period), at most one live fact. */
    static void assertOneLiveFactPerKey(WarehouseQueries warehouse) throws Exception {
        for (String table : new String[]{"fact_income", "fact_employment"}) {
            assertThat(warehouse.strings("select s.submitter_code || ' ' || f.region_code || ' ' || f.indicator_code || ' ' "
                    + "|| f.period from " + table + " as f join etl_submission as s using (submission_id) "
                    + "group by s.submitter_code, f.region_code, f.indicator_code, f.period having count(*) > 1"))
                    .as("keys with more than one live fact in %s", table).isEmpty();
        }
    }
}

package org.ruralstat.read;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ruralstat.subject.HeaderBinding;
import org.ruralstat.text.Period;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Detection with the real subjects of {@code jobs/*.yml} and the units of {@code seeds/units.csv}. */
class LayoutDetectorTests {

    private static LayoutDetector detector;

    @BeforeAll
    static void loadDefinitions() throws IOException {
        detector = RepositoryLayouts.detector();
    }

    private static RawRow row(int rowNumber, String... cells) {
        return new RawRow(rowNumber, Arrays.stream(cells).map(CellValue::text).toList());
    }

    private static LayoutDetector.Detection detect(List<RawRow> head, String sheet, String file) {
        return detector.detect(head, sheet, file, "222400", false);
    }

    /** Field name (or indicator:code) by column. */
    private static Map<Integer, String> bound(SheetLayout layout) {
        Map<Integer, String> bound = new TreeMap<>();
        layout.columns().forEach((column, binding) -> bound.put(column, name(binding)));
        return bound;
    }

    private static String name(HeaderBinding binding) {
        return binding.isIndicator() ? "indicator:" + binding.indicator() : binding.field().name();
    }

    private static final List<RawRow> SANITATION = List.of(
            row(1, "2022年图们市农村污水治理项目统计表"),
            row(2, "", "", "", "", "", "", "", "单位：万元"),
            row(3, "序号", "项目名称", "乡镇", "村名称", "类型", "工程量", "单位", "投资（万元）", "开工日期", "完工日期"),
            row(4, "1", "笠峰村污水管网", "月晴镇", "笠峰村", "污水管网", "1200", "米", "26.5", "2022-05-01", "2022-09-30"));

    @Test
    void findsTheHeaderBelowTheTitleRows() {
        LayoutDetector.Detection detection = detect(SANITATION, "Sheet1", "污水治理.xlsx");
        assertThat(detection.isFound()).isTrue();
        SheetLayout layout = detection.layout();
        assertThat(layout.subject().name()).isEqualTo("sanitation");
        assertThat(layout.lastHeaderRow()).isEqualTo(3);
        assertThat(detection.firstDataIndex()).isEqualTo(3);
        assertThat(bound(layout)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                1, "project_name", 2, "township_name", 3, "village_name", 4, "project_type", 5, "quantity",
                6, "quantity_unit", 7, "investment", 8, "start_date", 9, "completion_date")));
        assertThat(layout.isWide()).isFalse();
        assertThat(layout.submitterCode()).isEqualTo("222400");
    }

    @Test
    void capturesTheUnitWrittenInAHeaderAndTheUnitTheTitleDeclares() {
        SheetLayout layout = detect(SANITATION, "Sheet1", "污水治理.xlsx").layout();
        assertThat(layout.columns().get(7).unit()).isEqualTo("万元");
        assertThat(layout.columns().get(5).unit()).isEmpty();
        assertThat(layout.defaultUnit()).isEqualTo("万元");
        assertThat(layout.columnOf("investment")).contains(7);
        assertThat(layout.columnOf("households_benefited")).isEmpty();
    }

    /** Forms put 填报单位 (the reporting body) above the header; its name is no unit of measure. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "填报单位：图们市农业农村局|''",
            "报送单位：汪清县乡村振兴局|''",
            "填报单位：图们市农业农村局|万元",
            "计量单位：万元|万元"})
    void takesTheTitleUnitOnlyFromAUnitOfMeasure(String title, String unit) {
        List<RawRow> head = List.of(
                row(1, "2022年图们市农村污水治理项目统计表"),
                row(2, title, "", "", unit.isEmpty() || title.contains(unit) ? "" : "单位：" + unit),
                row(3, "项目名称", "村名", "类型", "投资"));
        assertThat(detect(head, "Sheet1", "x.xlsx").layout().defaultUnit()).isEqualTo(unit);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "投资（万元）|万元",
            "投资(万元)|万元",
            "投资/万元|万元",
            "总投资【萬元】|万元",
            "完成投资（元）|元"})
    void capturesUnitsInHeadersHoweverBracketed(String header, String unit) {
        SheetLayout layout = detect(List.of(row(1, "项目名称", "村名", "类型", header)), "Sheet1", "x.xlsx").layout();
        HeaderBinding binding = layout.columns().get(3);
        assertThat(binding.field().name()).isEqualTo("investment");
        assertThat(binding.unit()).isEqualTo(unit);
    }

    @Test
    void flattensATwoRowMergedHeaderInTraditionalCharacters() {
        List<RawRow> head = List.of(
                row(1, "安圖縣駐村幹部選派情況統計表（2021年）"),
                row(2, "序號", "姓名", "身份證號", "選派層級", "職務", "鄉鎮", "駐村名稱", "任職時間", ""),
                row(3, "", "", "", "", "", "", "", "起", "止"),
                row(4, "1", "张三", "11010519491231002X", "县级", "第一书记", "明月镇", "长兴村", "2021-05-01", "2023-05-01"));
        LayoutDetector.Detection detection = detector.detect(head, "Sheet1", "x.xlsx", "222426", false);
        SheetLayout layout = detection.layout();
        assertThat(layout.subject().name()).isEqualTo("cadres");
        assertThat(bound(layout)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                1, "person_name", 2, "id_number", 3, "dispatch_level", 4, "role", 5, "township_name",
                6, "village_name", 7, "start_date", 8, "end_date")));
        assertThat(layout.lastHeaderRow()).isEqualTo(3);
        assertThat(detection.firstDataIndex()).isEqualTo(3);
        assertThat(layout.period()).isEqualTo(Period.ofYear(2021));
    }

    @Test
    void flattensAMergedParentOverChildrenBetweenSingleHeaders() {
        assertThat(LayoutDetector.flatten(row(2, "姓名", "任职时间", "", "职务"), row(3, "", "起", "止", "")))
                .containsExactly("姓名", "任职时间起", "任职时间止", "职务");
    }

    @Test
    void readsAWideIncomeHeaderWithOneColumnPerIndicator() {
        List<RawRow> head = List.of(
                row(1, "地区", "区划代码", "农村居民人均可支配收入（元）", "脱贫人口人均纯收入（元）", "村集体经济收入（万元）", "村集体经营性收入（万元）"),
                row(2, "图们市", "222402", "15000", "12000", "30", "12"));
        SheetLayout layout = detect(head, "2022年", "收入.xlsx").layout();
        assertThat(layout.subject().name()).isEqualTo("income");
        assertThat(layout.isWide()).isTrue();
        assertThat(bound(layout)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                0, "region_name", 1, "region_code", 2, "indicator:rural_income_per_capita",
                3, "indicator:poverty_alleviated_income_per_capita", 4, "indicator:collective_income",
                5, "indicator:collective_operating_income")));
        assertThat(layout.columns().get(2).unit()).isEqualTo("元");
        assertThat(layout.columns().get(4).unit()).isEqualTo("万元");
    }

    @Test
    void readsAWideEmploymentHeader() {
        List<RawRow> head = List.of(row(1, "县（市、区）", "转移就业人数（万人）", "公益岗位人数", "外出务工人数"));
        SheetLayout layout = detect(head, "Sheet1", "2023年就业.xlsx").layout();
        assertThat(layout.subject().name()).isEqualTo("employment");
        assertThat(bound(layout)).containsValues("region_name", "indicator:transfer_employment",
                "indicator:public_welfare_posts", "indicator:migrant_workers");
        assertThat(layout.columns().get(1).unit()).isEqualTo("万人");
    }

    @ParameterizedTest
    @CsvSource({
            "农村居民人均可支配收入, 村集体经济收入, income",
            "转移就业人数, 公益岗位人数, employment",
            "脱贫人口人均纯收入, 集体经营性收入, income",
            "外出务工人数, 就地就业人数, employment"})
    void decidesALongLayoutsSubjectByTheIndicatorsNamedBelowIt(String first, String second, String subject) {
        List<RawRow> head = List.of(
                row(1, "地区", "指标", "数值", "单位"),
                row(2, "图们市", first, "15000", "元"),
                row(3, "图们市", second, "30", "万元"));
        SheetLayout layout = detect(head, "Sheet1", "2022年统计.xlsx").layout();
        assertThat(layout.subject().name()).isEqualTo(subject);
        assertThat(layout.isWide()).isFalse();
        assertThat(bound(layout)).containsExactlyEntriesOf(new TreeMap<>(Map.of(0, "region_name", 1, "indicator", 2, "value", 3, "unit")));
    }

    @Test
    void indicatorsBelowOutweighAFileNameThatSaysOtherwise() {
        List<RawRow> head = List.of(
                row(1, "地区", "指标", "数值", "单位"),
                row(2, "图们市", "转移就业人数", "1500", "人"));
        assertThat(detect(head, "Sheet1", "2022年收入统计.xlsx").layout().subject().name()).isEqualTo("employment");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2022年收入情况|Sheet1|2019年收入.xlsx|2022",
            "收入情况|2018年|2020年收入.xlsx|2018",
            "收入情况|Sheet1|2020年收入.xlsx|2020",
            "收入情况（2019-2022年）|2021年|收入.xlsx|2021"})
    void takesThePeriodFromTitleElseSheetNameElseFileName(String title, String sheet, String file, int year) {
        List<RawRow> head = List.of(row(1, title), row(2, "地区", "农村居民人均可支配收入"));
        assertThat(detect(head, sheet, file).layout().period()).isEqualTo(Period.ofYear(year));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Sheet1|收入.xlsx", "Sheet1|2019-2022年收入.xlsx"})
    void leavesThePeriodOpenWhenNoNameGivesOneYear(String sheet, String file) {
        List<RawRow> head = List.of(row(1, "地区", "农村居民人均可支配收入"));
        assertThat(detect(head, sheet, file).layout().period()).isNull();
    }

    @Test
    void matchesHeadersWithNumberingLineBreaksAndSpaces() {
        List<RawRow> head = List.of(row(1, "1.姓名", "2.身份证\n号码", "3、选派 层级", "（4）职务", "5.驻村\n名称"));
        SheetLayout layout = detect(head, "Sheet1", "x.xlsx").layout();
        assertThat(bound(layout)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                0, "person_name", 1, "id_number", 2, "dispatch_level", 3, "role", 4, "village_name")));
    }

    @Test
    void saysWhatASheetLookedLikeAndWhichRequiredColumnsItLacks() {
        LayoutDetector.Detection detection = detect(List.of(row(1, "序号", "姓名", "身份证号", "性别"), row(2, "1", "张三", "11010519491231002X", "男")),
                "Sheet1", "驻村干部.xlsx");
        assertThat(detection.isFound()).isFalse();
        assertThat(detection.lookedLike().name()).isEqualTo("cadres");
        assertThat(detection.missing()).containsExactly("选派层级", "职务", "驻村名称/村代码");
        assertThat(detection.headers()).contains("姓名", "身份证号", "性别");
    }

    @Test
    void saysALongLayoutWithoutAValueColumnLacksIt() {
        LayoutDetector.Detection detection = detect(List.of(row(1, "地区", "指标", "备注"), row(2, "图们市", "农村居民人均可支配收入", "")),
                "Sheet1", "收入.xlsx");
        assertThat(detection.isFound()).isFalse();
        assertThat(detection.lookedLike().name()).isEqualTo("income");
        assertThat(detection.missing()).containsExactly("数值");
    }

    @Test
    void recognizesNothingInGarbage() {
        LayoutDetector.Detection detection = detect(List.of(row(1, "foo", "bar", "baz"), row(2, "1", "2", "3")), "Sheet1", "x.xlsx");
        assertThat(detection.isFound()).isFalse();
        assertThat(detection.lookedLike()).isNull();
        assertThat(detection.headers()).containsExactly("foo", "bar", "baz");
        assertThat(detection.firstDataIndex()).isEqualTo(-1);
    }

    @Test
    void recognizesNothingInAnEmptySheetOrASingleColumn() {
        assertThat(detect(List.of(), "Sheet1", "x.xlsx").lookedLike()).isNull();
        assertThat(detect(List.of(row(1, "地区"), row(2, "图们市")), "Sheet1", "收入.xlsx").isFound()).isFalse();
    }

    @Test
    void recognizesNoSubjectInTheNbsExport() throws Exception {
        SheetContents sheet = SheetContents.readOnlySheet(Path.of("src/test/resources/corpus/nbs-exports/分省年度数据_城镇单位就业人员_GBK.csv"));
        LayoutDetector.Detection detection = detect(sheet.rows().subList(0, LayoutDetector.HEAD_ROWS), sheet.name(), "分省年度数据.csv");
        assertThat(detection.isFound()).isFalse();
        assertThat(detection.headers()).startsWith("地区", "2025年");
    }

    @Test
    void keepsTheDate1904FlagAndTheFileName() {
        SheetLayout layout = detector.detect(List.of(row(1, "姓名", "身份证号", "选派层级", "职务", "村代码")), "Sheet1",
                "汪清县驻村干部.xlsx", "222424", true).layout();
        assertThat(layout.date1904()).isTrue();
        assertThat(layout.fileName()).isEqualTo("汪清县驻村干部.xlsx");
        assertThat(layout.sheetName()).isEqualTo("Sheet1");
    }
}

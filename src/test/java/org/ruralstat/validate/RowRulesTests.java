package org.ruralstat.validate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ruralstat.read.CellValue;
import org.ruralstat.read.LayoutDetector;
import org.ruralstat.read.RawRow;
import org.ruralstat.read.SheetLayout;
import org.ruralstat.read.SourceRow;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row rules, one row at a time, over a dozen regions of 安图县: what a bureau writes in a cell, the findings it
 * gets and whether the row loads. Milliseconds per case, no Spring, no warehouse.
 */
class RowRulesTests {

    private static LayoutDetector detector;
    private static RowValidationItemProcessor processor;

    private static final String INCOME_TITLE = "安图县2022年村集体经济收入统计表";
    private static final String[] INCOME_HEADER = {"乡镇", "村名称", "村集体经济收入（万元）", "村集体经营性收入（万元）"};
    private static final String SANITATION_TITLE = "2022年安图县农村污水治理项目统计表";
    private static final String[] SANITATION_HEADER = {"序号", "项目名称", "乡镇", "村名称", "类型", "工程量", "单位",
            "投资（万元）", "开工日期", "完工日期"};

    @BeforeAll
    static void smallReference() throws IOException {
        detector = SmallReference.detector();
        processor = new RowValidationItemProcessor(SmallReference.reference(), SmallReference.rules(),
                SmallReference.hasher());
    }

    @ParameterizedTest(name = "[{index}] income {0}: {1}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "长兴街道|吐月社区|12.5|3;                 loaded;   ''",
            "明月镇|新屯子村|-1|0;                      rejected; INC-002",
            "明月镇|新屯子村|十二|3;                    loaded;   ''",
            "明月镇|新屯子村|12.5万|3;                 loaded;   ''",
            "明月镇|新屯子村|约12|3;                    rejected; ROW-002",
            "|福兴村|12|3;                              rejected; ROW-006",
            "松江镇|福兴村|12|3;                        loaded;   ''",
            "依兰镇|东明村|12|3;                        rejected; ROW-007",
            "明月镇|月亮村|12|3;                        rejected; ROW-005",
            "明月镇|新屯子村||;                         rejected; ROW-018",
    })
    void incomeRows(String cells, String outcome, String rules) {
        StagedRow staged = check(INCOME_TITLE, INCOME_HEADER, cells.split("\\|", -1));
        assertThat(staged.findings()).extracting(Finding::rule).containsExactlyInAnyOrderElementsOf(ids(rules));
        assertThat(staged.outcome().code()).isEqualTo(outcome);
        assertThat(staged.facts()).hasSize(outcome.equals("rejected") ? 0 : 2);
    }

    @ParameterizedTest(name = "[{index}] sanitation {0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "1|吐月社区污水管网|长兴街道|吐月社区|污水管网|1200|米|26.5|2022-05-01|2022-09-30;  loaded;   ''",
            "1|吐月社区污水管网|长兴街道|吐月社区|污水管网|1200|米|26.5|2022年5月|2022.9;      loaded;   ''",
            "1|吐月社区污水管网|长兴街道|吐月社区|污水管网|1200|米|26.5|昨天|2022-09-30;       rejected; ROW-003",
            "1|吐月社区污水管网|长兴街道|吐月社区|垃圾站|1200|米|26.5|2022-05-01|2022-09-30;   rejected; ROW-004",
            "1|吐月社区污水管网|长兴街道|吐月社区|污水管网|1200|公斤|26.5|2022-05-01|2022-09-30; rejected; ROW-014",
    })
    void sanitationRows(String cells, String outcome, String rules) {
        StagedRow staged = check(SANITATION_TITLE, SANITATION_HEADER, cells.split("\\|", -1));
        assertThat(staged.findings()).extracting(Finding::rule).containsExactlyInAnyOrderElementsOf(ids(rules));
        assertThat(staged.outcome().code()).isEqualTo(outcome);
    }

    /** Every finding of a row names its sheet and row; a cell finding names its column and cell too. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"明月镇|新屯子村|约12|3; C3; 村集体经济收入(万元)"})
    void aCellFindingNamesItsCell(String cells, String cellRef, String column) {
        Finding finding = check(INCOME_TITLE, INCOME_HEADER, cells.split("\\|", -1)).findings().get(0);
        assertThat(finding.sheet()).isEqualTo("Sheet1");
        assertThat(finding.rowNumber()).isEqualTo(3);
        assertThat(finding.cellRef()).isEqualTo(cellRef);
        assertThat(finding.column()).isEqualTo(column);
        assertThat(finding.messageZh()).contains("约12");
    }

    private static StagedRow check(String title, String[] header, String[] cells) {
        List<RawRow> head = List.of(row(1, title), row(2, header), row(3, cells));
        LayoutDetector.Detection detection = detector.detect(head, "Sheet1", "return.xlsx", SmallReference.COUNTY, false);
        assertThat(detection.isFound()).as("layout of %s", Arrays.toString(header)).isTrue();
        SheetLayout layout = detection.layout();
        return processor.process(SourceRow.of(layout, head.get(detection.firstDataIndex())));
    }

    private static RawRow row(int number, String... cells) {
        return new RawRow(number, Arrays.stream(cells).map(CellValue::text).toList());
    }

    private static List<String> ids(String rules) {
        return rules == null || rules.isBlank() ? List.of() : Arrays.asList(rules.trim().split("\\s+"));
    }

}

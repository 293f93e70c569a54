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
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a 合计 or 小计 row states, table-driven over the small reference of 安图县: each summable column's figure in
 * canonical units (yuan, persons), with its cell; never a fact, never a finding. Milliseconds, no Spring.
 */
class TotalRowsTests {

    private static LayoutDetector detector;
    private static RowValidationItemProcessor processor;

    @BeforeAll
    static void smallReference() throws IOException {
        detector = SmallReference.detector();
        processor = new RowValidationItemProcessor(SmallReference.reference(), SmallReference.rules(), SmallReference.hasher());
    }

    @ParameterizedTest(name = "[{index}] {0} | {1}")
    @CsvSource(delimiter = ';', value = {
            // header cells; total row cells; subtotal?; stated figures as cell=column:value
            "乡镇|村名称|村集体经济收入（万元）|村集体经营性收入（万元）; 合计||25|6;     false; C3=collective_income:250000 D3=collective_operating_income:60000",
            "乡镇|村名称|村集体经济收入（万元）|村集体经营性收入（万元）; 小计||12.5|;   true;  C3=collective_income:125000",
            "乡镇|村名称|村集体经济收入（元）|村集体经营性收入（元）;     合计||250000|一万; false; C3=collective_income:250000 D3=collective_operating_income:10000",
            "乡镇|村名称|村集体经济收入（万元）|村集体经营性收入（万元）; 合计||约25|;    false; ''",
            "乡镇|村名称|村集体经济收入（万元）|村集体经营性收入（万元）; 合计|||;        false; ''",
    })
    void aTotalRowStatesItsColumnsInCanonicalUnits(String header, String cells, boolean subtotal, String expected) {
        StagedRow staged = stated(header.split("\\|"), cells.split("\\|", -1), subtotal);
        assertThat(staged.total()).isTrue();
        assertThat(staged.isRow()).as("a total is not a data row").isFalse();
        assertThat(staged.facts()).isEmpty();
        assertThat(staged.findings()).isEmpty();
        assertThat(staged.totals()).allSatisfy(total -> {
            assertThat(total.get("kind")).isEqualTo(subtotal ? "subtotal" : "total");
            assertThat(total.get("source_row")).isEqualTo(3);
        });
        assertThat(staged.totals().stream().map(TotalRowsTests::describe).sorted().collect(Collectors.joining(" ")))
                .isEqualTo(expected.trim());
    }

    private static String describe(Map<String, Object> total) {
        Object target = total.get("indicator_code") != null ? total.get("indicator_code") : total.get("target_column");
        return total.get("cell_ref") + "=" + target + ":" + ((BigDecimal) total.get("value")).stripTrailingZeros().toPlainString();
    }

    private static StagedRow stated(String[] header, String[] cells, boolean subtotal) {
        List<RawRow> head = List.of(row(1, "安图县2022年村集体经济收入统计表"), row(2, header), row(3, cells));
        LayoutDetector.Detection detection = detector.detect(head, "Sheet1", "return.xlsx", SmallReference.COUNTY, false);
        assertThat(detection.isFound()).as("layout of %s", Arrays.toString(header)).isTrue();
        SheetLayout layout = detection.layout();
        return processor.process(SourceRow.total(layout, head.get(2), subtotal));
    }

    private static RawRow row(int number, String... cells) {
        return new RawRow(number, Arrays.stream(cells).map(CellValue::text).toList());
    }
}

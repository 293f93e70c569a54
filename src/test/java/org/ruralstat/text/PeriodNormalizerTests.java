package org.ruralstat.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodNormalizerTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2022|2022|2022",
            "2022年|2022|2022",
            "2022年度|2022|2022",
            "2022年份|2022|2022",
            "2022.0|2022|2022",
            "２０２２年|2022|2022",
            "2022年第二季度|2022|2022-Q2",
            "2022年第一季度|2022|2022-Q1",
            "2022年三季度|2022|2022-Q3",
            "2022年4季度|2022|2022-Q4",
            "2022Q2|2022|2022-Q2",
            "2022q4|2022|2022-Q4",
            "2022-Q2|2022|2022-Q2",
            "2022年Q3|2022|2022-Q3",
            "2022-06|2022|2022-06",
            "2022年6月|2022|2022-06",
            "2022年6月份|2022|2022-06",
            "2022年12月|2022|2022-12",
            "2022/06|2022|2022-06"})
    void readsPeriodsAsReturnsWriteThem(String written, int year, String label) {
        Period period = PeriodNormalizer.parse(written).orElseThrow();
        assertThat(period.year()).isEqualTo(year);
        assertThat(period.label()).isEqualTo(label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-13", "2022-00", "2022Q5", "2022年第五季度", "1948", "22年", "abc", "", "2022-2023"})
    void rejectsTextThatIsNoPeriod(String written) {
        assertThat(PeriodNormalizer.parse(written)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2022年图们市农村污水治理项目统计表|2022",
            "安图县驻村干部选派情况统计表（2021年）|2021",
            "2018年|2018",
            "2021年度汪清县驻村干部花名册|2021",
            "附件1：2022年汪清县收入统计表|2022",
            "2021年汪清县2021年第一书记名单|2021",
            "收入统计表_2023|2023",
            "2022.xlsx|2022"})
    void findsTheOneYearInATitleSheetOrFileName(String name, int year) {
        assertThat(PeriodNormalizer.findInName(name)).contains(Period.ofYear(year));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-2022年", "2019—2022年汪清县", "2019至2022年收入", "2021年-2022年", "2020年和2021年",
            "无年份的表", "统计表20220620", "Sheet1", "222424"})
    void findsNoYearInANameWithARangeTwoYearsOrNone(String name) {
        assertThat(PeriodNormalizer.findInName(name)).isEmpty();
    }

    /** File names often join a code or a county to the year with a hyphen; only a year on both sides makes a range. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "汪清县-2022年驻村干部花名册|2022",
            "222424-2022年收入统计|2022"})
    void findsAYearJoinedToOtherWordsByAHyphen(String name, int year) {
        assertThat(PeriodNormalizer.findInName(name)).contains(Period.ofYear(year));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2019-2022年|2019-2022",
            "2019至2022年收入|2019-2022",
            "汪清县2020—2022年项目|2020-2022"})
    void findsTheRangeInAName(String name, String range) {
        assertThat(PeriodNormalizer.findRangeInName(name)).contains(range);
    }

    @Test
    void findsNoRangeInANameWithOneYear() {
        assertThat(PeriodNormalizer.findRangeInName("2022年图们市农村污水治理项目统计表")).isEmpty();
    }

    @Test
    void periodLabelMustStartWithItsYear() {
        assertThat(Period.ofYear(2022).label()).isEqualTo("2022");
        assertThatIllegalArgumentException().isThrownBy(() -> new Period(2022, "2021-Q1"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Period(1900, "1900"));
    }
}

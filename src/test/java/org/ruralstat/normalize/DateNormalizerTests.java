package org.ruralstat.normalize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DateNormalizerTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2022-06-20|2022-06-20",
            "2022/6/20|2022-06-20",
            "2022.6.20|2022-06-20",
            "2022年6月20日|2022-06-20",
            "2022 年 6 月 20 日|2022-06-20",
            "20220620|2022-06-20",
            "２０２２－０６－２０|2022-06-20",
            "2022-06-20 10:30|2022-06-20",
            "2022/6/20 8:05:09|2022-06-20",
            "2020-02-29|2020-02-29",
            "2022-6-5|2022-06-05"})
    void readsDatesAsReturnsWriteThem(String written, LocalDate expected) {
        assertThat(DateNormalizer.parse(written)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2022.06|2022-06-01",
            "2022年6月|2022-06-01",
            "2022-6|2022-06-01",
            "2022/06|2022-06-01",
            "202206|2022-06-01"})
    void readsADateGivenToTheMonthAsTheFirstOfThatMonth(String written, LocalDate expected) {
        assertThat(DateNormalizer.parse(written)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-02-30", "2021-02-29", "2022-13-01", "2022-00-10", "20221301", "1899-12-31",
            "2101-01-01", "2022", "abc", "", "2022/6/20/1", "六月二十日"})
    void rejectsTextThatIsNoRealDate(String written) {
        assertThat(DateNormalizer.parse(written)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-06-20", "2022年6月", "2022.06", "20220620", "2022-02-30", "1899-12-31", "昨天", "", "2022年6月"})
    void aDateReadAgainReadsAsTheFirstTime(String text) {
        var first = DateNormalizer.parse(text);
        assertThat(DateNormalizer.parse(text)).isEqualTo(first).isEqualTo(DateNormalizer.parse(" " + text + " "));
    }
}

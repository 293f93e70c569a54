package org.ruralstat.read;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ExcelDatesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "44732|2022-06-20",
            "44732.75|2022-06-20",
            "1|1900-01-01",
            "59|1900-02-28",
            "61|1900-03-01",
            "43831|2020-01-01",
            "2958465|9999-12-31"})
    void readsExcelSerialsOfThe1900DateSystem(BigDecimal serial, LocalDate expected) {
        assertThat(ExcelDates.fromExcelSerial(serial, false)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|1904-01-01",
            "1|1904-01-02",
            "43270|2022-06-20",
            "35064|2000-01-01"})
    void readsExcelSerialsOfThe1904DateSystem(BigDecimal serial, LocalDate expected) {
        assertThat(ExcelDates.fromExcelSerial(serial, true)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(longs = {1500, 36526, 44732, 50000})
    void the1904SystemCountsFrom1462DaysLater(long serial1900) {
        assertThat(ExcelDates.fromExcelSerial(BigDecimal.valueOf(serial1900 - 1462), true))
                .isEqualTo(ExcelDates.fromExcelSerial(BigDecimal.valueOf(serial1900), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.5", "2958466"})
    void rejectsSerialsOutsideExcelsRange(BigDecimal serial) {
        assertThat(ExcelDates.fromExcelSerial(serial, false)).isEmpty();
        assertThat(ExcelDates.fromExcelSerial(serial, true)).isEmpty();
    }
}

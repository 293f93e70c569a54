package org.ruralstat.normalize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class NumberNormalizerTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1,234|1234",
            "1，234|1234",
            "1,234,567.5|1234567.5",
            "１２３|123",
            "１，２３４|1234",
            "\u221212|-12",
            "－12|-12",
            "\u20127|-7",
            "\u20137|-7",
            "\uFE637|-7",
            "-0.5|-0.5",
            "+5|5",
            ".5|0.5",
            "5.|5",
            "'  42  '|42",
            "1 234|1234",
            "0|0",
            "2.22424E17|222424000000000000",
            "1e3|1000"})
    void readsNumbersAsReturnsWriteThem(String written, String expected) {
        ParsedNumber number = NumberNormalizer.parse(written).orElseThrow();
        assertThat(number.value()).isEqualByComparingTo(expected);
        assertThat(number.unit()).isEmpty();
        assertThat(number.percent()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "三十二|32",
            "一百零五|105",
            "两千|2000",
            "十|10",
            "十五|15",
            "二十|20",
            "一千零一|1001",
            "一万二千|12000",
            "十二万三千|123000",
            "〇|0"})
    void readsSmallChineseNumerals(String written, long expected) {
        assertThat(NumberNormalizer.parse(written).orElseThrow().value()).isEqualByComparingTo(BigDecimal.valueOf(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.5%|0.125",
            "12.5％|0.125",
            "100%|1",
            "5‰|0.005"})
    void dividesPercentagesAndFlagsThem(String written, String expected) {
        ParsedNumber number = NumberNormalizer.parse(written).orElseThrow();
        assertThat(number.value()).isEqualByComparingTo(expected);
        assertThat(number.percent()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.37万|1.37|万",
            "26.5万元|26.5|万元",
            "12元/人|12|元/人",
            "3 座|3|座",
            "1.5公里|1.5|公里",
            "1,200米|1200|米"})
    void keepsTheUnitWrittenAfterTheNumberWithoutConvertingIt(String written, String value, String unit) {
        ParsedNumber number = NumberNormalizer.parse(written).orElseThrow();
        assertThat(number.value()).isEqualByComparingTo(value);
        assertThat(number.unit()).isEqualTo(unit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-", "--", "—", "——", "/", "\\", "无", "空", "N/A", "na", "null", "－"})
    void readsBlanksAndPlaceholdersAsNoValue(String written) {
        ParsedNumber number = NumberNormalizer.parse(written).orElseThrow();
        assertThat(number.isEmpty()).isTrue();
        assertThat(number).isEqualTo(ParsedNumber.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12a3", "1.2.3", "1,23", "12,5", "约100", "1-2", "二十余", "%"})
    void rejectsTextThatIsNotANumber(String written) {
        assertThat(NumberNormalizer.parse(written)).isEmpty();
    }

    /** Bare magnitude characters and digit-by-digit writing (二〇二二) are not counts; reading them as 0 or 2 is silently wrong. */
    @ParameterizedTest
    @ValueSource(strings = {"万", "百", "千", "一二三", "二〇二二"})
    void rejectsChineseDigitStringsAndBareMagnitudes(String written) {
        assertThat(NumberNormalizer.parse(written)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "32", "0032", "32.5", "32.50", "0.001", "123456789012345678901234567890", "1.2.3", ".5", "5.",
            "-5", "+5", "1,234", "1e5", "5%", "5万", "５", "1 234", " 32", "32 ", "", "-", "三十二", "3a", "٣"})
    void plainDecimalsReadWithoutPatternsAsWithThem(String text) {
        assertThat(NumberNormalizer.parse(text)).isEqualTo(NumberNormalizer.parseFully(text));
    }

    @ParameterizedTest
    @CsvSource({"32, true", "32.5, true", "0032.50, true", ".5, false", "5., false", "1.2.3, false", "-5, false", "'', false"})
    void recognisesPlainDecimals(String text, boolean plain) {
        assertThat(NumberNormalizer.isPlainDecimal(text)).isEqualTo(plain);
    }
}

package org.ruralstat.reference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UnitCatalogTests {

    private static UnitCatalog units;

    @BeforeAll
    static void loadSeeds() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("seeds/units.csv"))) {
            units = new UnitCatalog(Seeds.rows(in));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "元|money|yuan|1",
            "万元|money|yuan|10000",
            "亿元|money|yuan|100000000",
            "千元|money|yuan|1000",
            "元/人|money|yuan|1",
            "元每人|money|yuan|1",
            "人|persons|persons|1",
            "万人|persons|persons|10000",
            "米|length|m|1",
            "公里|length|m|1000",
            "km|length|m|1000",
            "KM|length|m|1000",
            "延长米|length|m|1",
            "延米|length|m|1",
            "平方米|area|m2|1",
            "㎡|area|m2|1",
            "m²|area|m2|1",
            "亩|area|m2|666.6666666667",
            "座|unit|unit|1",
            "套|unit|unit|1",
            "台|unit|unit|1",
            "户|household|household|1",
            "学时|hour|hour|1"})
    void findsUnitsOfTheSeedCatalog(String written, String dimension, String canonical, String factor) {
        Unit unit = units.find(written).orElseThrow();
        assertThat(unit.dimension()).isEqualTo(dimension);
        assertThat(unit.canonical()).isEqualTo(canonical);
        assertThat(unit.factor()).isEqualByComparingTo(factor);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "萬元|money|10000",
            "（万元）|money|10000",
            "(元)|money|1",
            "【万人】|persons|10000",
            " 公 里 |length|1000"})
    void findsUnitsWrittenInTraditionalCharactersOrBrackets(String written, String dimension, String factor) {
        Unit unit = units.find(written).orElseThrow();
        assertThat(unit.dimension()).isEqualTo(dimension);
        assertThat(unit.factor()).isEqualByComparingTo(factor);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "万平方米|area|10000",
            "百万元|money|1000000",
            "千人|persons|1000",
            "万户|household|10000",
            "万亩|area|6666666.666667"})
    void multipliesAKnownUnitByAPrefix(String written, String dimension, String factor) {
        Unit unit = units.find(written).orElseThrow();
        assertThat(unit.dimension()).isEqualTo(dimension);
        assertThat(unit.factor()).isEqualByComparingTo(factor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"斤", "平方公里", "元/亩", "万", "abc", "", "  ", "（）"})
    void findsNothingForAnUnknownUnit(String written) {
        assertThat(units.find(written)).isEmpty();
    }

    @Test
    void convertsAValueToTheCanonicalUnit() {
        assertThat(units.find("万元").orElseThrow().toCanonical(new BigDecimal("26.5"))).isEqualByComparingTo("265000");
        assertThat(units.find("公里").orElseThrow().toCanonical(new BigDecimal("1.2"))).isEqualByComparingTo("1200");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"万|10000", "亿|100000000", "千|1000", "（万）|10000"})
    void readsABareMultiplier(String written, String factor) {
        assertThat(UnitCatalog.multiplier(written)).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo(factor));
    }

    @ParameterizedTest
    @ValueSource(strings = {"万元", "元", "", "万万"})
    void readsNoMultiplierFromAUnitOrNothing(String written) {
        assertThat(UnitCatalog.multiplier(written)).isEmpty();
    }

    @Test
    void refusesAUnitWithoutAPositiveFactor() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Unit("money", "yuan", BigDecimal.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new Unit("money", "yuan", null));
    }
}

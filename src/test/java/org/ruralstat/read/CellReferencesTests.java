package org.ruralstat.read;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CellReferencesTests {

    @ParameterizedTest
    @CsvSource({
            "A1, 0, A",
            "C5, 2, C",
            "Z9, 25, Z",
            "AA1, 26, AA",
            "AB12, 27, AB",
            "AZ3, 51, AZ",
            "XFD1048576, 16383, XFD"})
    void convertsBetweenReferencesAndColumns(String ref, int column, String letters) {
        assertThat(CellReferences.columnIndex(ref)).isEqualTo(column);
        assertThat(CellReferences.columnIndex(ref.toLowerCase())).isEqualTo(column);
        assertThat(CellReferences.columnLetters(column)).isEqualTo(letters);
    }

    @ParameterizedTest
    @CsvSource({"0, 1, A1", "7, 20, H20", "27, 3, AB3"})
    void buildsAReferenceFromColumnAndRow(int column, int row, String ref) {
        assertThat(CellReferences.of(column, row)).isEqualTo(ref);
    }
}

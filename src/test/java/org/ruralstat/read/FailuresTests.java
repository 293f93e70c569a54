package org.ruralstat.read;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTests {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new EncryptedDocumentException("Default password is invalid"), "FILE-003"),
                Arguments.of(new IOException("wrapped", new EncryptedDocumentException("x")), "FILE-003"),
                Arguments.of(new IllegalStateException("the file is password protected"), "FILE-003"),
                Arguments.of(new OldExcelFormatException("The supplied spreadsheet seems to be Excel 5.0/7.0 (BIFF5)"), "FILE-005"),
                Arguments.of(new CellLimits.CellTooLongException(40_000), "FILE-006"),
                Arguments.of(new IOException("sheet x", new CellLimits.CellTooLongException(40_000)), "FILE-006"),
                Arguments.of(new IOException("Zip bomb detected! The file would exceed the max. ratio"), "FILE-006"),
                Arguments.of(new IOException("The size of the entry exceeds the max entry size"), "FILE-006"),
                Arguments.of(new IllegalStateException("JAXP00010001: entity expansion limit"), "FILE-006"),
                Arguments.of(new OutOfMemoryError("Java heap space"), "FILE-006"),
                Arguments.of(new StackOverflowError(), "FILE-006"),
                Arguments.of(new NotOfficeXmlFileException("No valid entries or contents found"), "FILE-004"),
                Arguments.of(new IOException("Unexpected end of ZLIB input stream"), "FILE-004"),
                Arguments.of(new NullPointerException(), "FILE-004"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void classifiesWhatAParserThrowsAsTheRuleABureauCanActOn(Throwable failure, String rule) {
        UnreadableFileException classified = Failures.classify(failure);
        assertThat(classified.rule()).isEqualTo(rule);
        assertThat(classified.getCause()).isSameAs(failure);
    }

    @Test
    void passesAnUnreadableFileExceptionThrough() {
        UnreadableFileException original = new UnreadableFileException("FILE-007", "neither UTF-8 nor GB18030");
        assertThat(Failures.classify(original)).isSameAs(original);
    }
}

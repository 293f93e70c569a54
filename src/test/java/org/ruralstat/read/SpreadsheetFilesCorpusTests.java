package org.ruralstat.read;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Every file of {@code src/test/resources/corpus} (see its INDEX.md) through {@link SpreadsheetFiles#open}. */
class SpreadsheetFilesCorpusTests {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final String READ = "read";

    /** What each corpus file must come to: read, or rejected with the rule of jobs/rules.yml. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            entry("commons-csv/bom.csv", READ),
            entry("commons-csv/psql.csv", READ),
            entry("csv-spectrum/csvs/comma_in_quotes.csv", READ),
            entry("csv-spectrum/csvs/empty.csv", READ),
            entry("csv-spectrum/csvs/empty_crlf.csv", READ),
            entry("csv-spectrum/csvs/escaped_quotes.csv", READ),
            entry("csv-spectrum/csvs/json.csv", READ),
            entry("csv-spectrum/csvs/newlines.csv", READ),
            entry("csv-spectrum/csvs/newlines_crlf.csv", READ),
            entry("csv-spectrum/csvs/quotes_and_newlines.csv", READ),
            entry("csv-spectrum/csvs/simple.csv", READ),
            entry("csv-spectrum/csvs/simple_crlf.csv", READ),
            entry("csv-spectrum/csvs/utf8.csv", READ),
            entry("csvkit/bad.csv", READ),
            entry("csvkit/mac_newlines.csv", READ),
            entry("csvkit/test_skip_lines.csv", READ),
            entry("csvkit/test_utf16_little.csv", READ),
            entry("fastcsv/utf16be_bom.csv", READ),
            entry("fastcsv/utf32le_bom.csv", READ),
            entry("nbs-exports/分省年度数据_城镇单位就业人员_GBK.csv", READ),
            entry("poi/1904DateWindowing.xls", READ),
            entry("poi/57893-many-merges.xlsx", READ),
            entry("poi/DateFormatTests.xlsx", READ),
            entry("poi/noSharedStringTable.xlsx", READ),
            entry("poi/shared_formulas.xlsx", READ),
            entry("poi/SampleSS.strict.xlsx", "FILE-002"),
            entry("poi/password.xls", "FILE-003"),
            entry("poi/protected_passtika.xlsx", "FILE-003"),
            entry("poi/testEXCEL_95.xls", "FILE-005"),
            entry("poi/SampleSS.ods", "FILE-002"),
            entry("poi/Simple.xlsb", "FILE-002"),
            entry("poi/invalid.xlsx", "FILE-004"),
            entry("poi/xlsx-corrupted.xlsx", "FILE-004"),
            entry("poi/poc-shared-strings.xlsx", "FILE-006"));

    static Stream<String> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> CORPUS.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.endsWith(".md") && !f.startsWith("csv-spectrum/json/"))
                    .sorted().toList().stream();
        }
    }

    @Test
    void everyCorpusFileHasAnExpectation() throws IOException {
        assertThat(corpusFiles().toList()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void everyCorpusFileIsReadOrRejectedWithItsRule(String file) throws Exception {
        String expected = EXPECTED.get(file);
        if (READ.equals(expected)) {
            assertThat(SheetContents.readAll(CORPUS.resolve(file))).isNotEmpty();
        } else {
            assertThat(SheetContents.rejectionOf(CORPUS.resolve(file)).rule()).isEqualTo(expected);
        }
    }

    /** The contract: files are never modified by a run. POI's read-write open would rewrite an xlsx on close. */
    @ParameterizedTest
    @MethodSource("corpusFiles")
    void leavesEveryCorpusFileByteForByteUnchanged(String file) throws Exception {
        Path path = CORPUS.resolve(file);
        byte[] before = Files.readAllBytes(path);
        FileTime modified = Files.getLastModifiedTime(path);
        try {
            SheetContents.readAll(path);
        } catch (Exception e) {
            // rejected files must stay untouched too
        }
        assertThat(Files.readAllBytes(path)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(path)).isEqualTo(modified);
    }

    // --- CSV -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "newlines", "newlines_crlf",
            "quotes_and_newlines", "simple", "simple_crlf", "utf8"})
    void readsEveryCsvSpectrumFileAsItsExpectedResult(String name) throws Exception {
        SheetContents sheet = SheetContents.readOnlySheet(CORPUS.resolve("csv-spectrum/csvs/" + name + ".csv"));
        List<Map<String, Object>> expected = JsonPath.parse(CORPUS.resolve("csv-spectrum/json/" + name + ".json").toFile()).read("$");

        assertThat(sheet.name()).isEqualTo(name);
        assertThat(sheet.rows()).hasSize(expected.size() + 1);
        List<String> header = sheet.texts(1);
        for (int i = 0; i < expected.size(); i++) {
            RawRow row = sheet.rows().get(i + 1);
            for (Map.Entry<String, Object> value : expected.get(i).entrySet()) {
                assertThat(header).contains(value.getKey());
                assertThat(row.text(header.indexOf(value.getKey())))
                        .as("%s row %d column %s", name, i + 2, value.getKey()).isEqualTo(value.getValue());
            }
        }
    }

    @Test
    void keepsTheLeadingZeroOfAZipCodeAndTheCommaInsideQuotes() throws Exception {
        SheetContents sheet = SheetContents.readOnlySheet(CORPUS.resolve("csv-spectrum/csvs/comma_in_quotes.csv"));
        assertThat(sheet.texts(2)).containsExactly("John", "Doe", "120 any st.", "Anytown, WW", "08123");
        assertThat(sheet.row(2).cell(4).kind()).isEqualTo(CellValue.Kind.TEXT);
    }

    @Test
    void dropsTheByteOrderMarkOfBomCsvAndKeepsLeadingSpacesOfHeaders() throws Exception {
        SheetContents sheet = SheetContents.readOnlySheet(CORPUS.resolve("commons-csv/bom.csv"));
        assertThat(sheet.texts(1)).containsExactly("Date", " Open", " High", " Low", " Close", " Volume");
        assertThat(sheet.texts(1).get(0)).doesNotContain("\uFEFF").hasSize(4);
        assertThat(sheet.rows()).hasSize(252);
        assertThat(sheet.texts(2)).containsExactly("14-Mar-14", "223.80", "225.20", "220.85", "221.51", "79448141");
        assertThat(sheet.texts(252)).containsExactly("18-Mar-13", "330.09", "341.26", "330.09", "339.08", "46650521");
    }

    @Test
    void keepsControlCharactersAndLineBreaksInsideQuotedFieldsOfPsqlCsv() throws Exception {
        SheetContents sheet = SheetContents.readOnlySheet(CORPUS.resolve("commons-csv/psql.csv"));
        assertThat(sheet.rowNumbers()).containsExactly(1, 2, 3);
        assertThat(sheet.texts(1)).containsExactly("1", "abc", "test line 1\ntest line 2", "", "");
        assertThat(sheet.row(2).text(2)).isEqualTo("\\b:\b \\t:\t \\n:\n \\r:\r");
        assertThat(sheet.texts(3)).containsExactly("3", "a", "b,c,d", "\"quoted\"", "e");
    }

    @Test
    void keepsRaggedRowsOfBadCsvAsWritten() throws Exception {
        SheetContents sheet = SheetContents.readOnlySheet(CORPUS.resolve("csvkit/bad.csv"));
        assertThat(sheet.texts(2)).containsExactly("1", "27", "", "I'm too long!");
        assertThat(sheet.texts(3)).containsExactly("", "I'm too short!");
        assertThat(sheet.texts(4)).containsExactly("0", "mixed types.... uh oh", "17");
    }

    @Test
    void readsClassicMacLineEndingsOfMacNewlinesCsv() throws Exception {
        SheetContents sheet = SheetContents.readOnlySheet(CORPUS.resolve("csvkit/mac_newlines.csv"));
        assertThat(sheet.rowNumbers()).containsExactly(1, 2, 3);
        assertThat(sheet.texts(1)).containsExactly("a", "b", "c");
        assertThat(sheet.texts(2)).containsExactly("1", "2", "3");
        assertThat(sheet.texts(3)).containsExactly("Once upon\ra time", "5", "6");
    }

    @Test
    void countsTheBlankLinesBeforeTheHeaderOfTestSkipLinesCsv() throws Exception {
        SheetContents sheet = SheetContents.readOnlySheet(CORPUS.resolve("csvkit/test_skip_lines.csv"));
        assertThat(sheet.rowNumbers()).containsExactly(4, 5);
        assertThat(sheet.texts(4)).containsExactly("a", "b", "c");
        assertThat(sheet.texts(5)).containsExactly("1", "2", "3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "csvkit/test_utf16_little.csv|a,b,c|4,5,ʤ|3",
            "fastcsv/utf16be_bom.csv|foo,üÜß|123,456|2",
            "fastcsv/utf32le_bom.csv|foo,üÜß|123,456|2"})
    void decodesUtf16AndUtf32ByTheirByteOrderMark(String file, String header, String lastRow, int rows) throws Exception {
        SheetContents sheet = SheetContents.readOnlySheet(CORPUS.resolve(file));
        assertThat(sheet.rows()).hasSize(rows);
        assertThat(sheet.texts(1)).containsExactly(header.split(","));
        assertThat(sheet.texts(rows)).containsExactly(lastRow.split(","));
        assertThat(sheet.rows()).allSatisfy(r -> assertThat(r.cells()).allSatisfy(c ->
                assertThat(c.text()).doesNotContain("\u0000", "\uFEFF", "\uFFFD")));
    }

    @Test
    void decodesTheGbkExportOfTheNationalBureauOfStatisticsAsGb18030() throws Exception {
        Path file = CORPUS.resolve("nbs-exports/分省年度数据_城镇单位就业人员_GBK.csv");
        assertThat(TextEncoding.detect(file).charset()).isEqualTo(TextEncoding.GB18030);

        SheetContents sheet = SheetContents.readOnlySheet(file);
        assertThat(sheet.name()).isEqualTo("分省年度数据_城镇单位就业人员_GBK");
        assertThat(sheet.rows()).hasSize(39);
        assertThat(sheet.texts(1)).containsExactly("数据库：分省年度数据");
        assertThat(sheet.texts(2)).containsExactly("指标：城镇单位就业人员(万人)");
        assertThat(sheet.texts(4)).hasSize(21).startsWith("地区", "2025年", "2024年").endsWith("2006年");
        assertThat(sheet.texts(5)).startsWith("北京市", "", "763.6", "755.6");
        assertThat(sheet.texts(11)).startsWith("吉林省", "", "240.6");
        assertThat(sheet.texts(35)).startsWith("新疆维吾尔自治区", "", "318.0");
        assertThat(sheet.texts(37).get(0)).isEqualTo("\u3000\u3000\u30002.城镇单位数据不含私营单位。");
        assertThat(sheet.texts(39)).containsExactly("数据来源：国家统计局");
        assertThat(sheet.rows()).allSatisfy(r -> assertThat(r.cells()).allSatisfy(c ->
                assertThat(c.text()).doesNotContain("\uFFFD")));
    }

    // --- Excel -----------------------------------------------------------------------------------------

    @Test
    void readsDatesOfA1904XlsInTheWorkbooksOwnDateSystem() throws Exception {
        List<SheetContents> sheets = SheetContents.readAll(CORPUS.resolve("poi/1904DateWindowing.xls"));
        assertThat(sheets).extracting(SheetContents::name).containsExactly("Sheet1", "Sheet2", "Sheet3");
        RawRow row = sheets.get(0).row(1);
        // Both cells hold serial 35064: 2000-01-01 from 1904, 1995-12-31 had it been read from 1900.
        assertThat(row.cells()).containsExactly(new CellValue("2000-01-01", CellValue.Kind.DATE),
                new CellValue("2000-01-01", CellValue.Kind.DATE));
    }

    @ParameterizedTest
    @CsvSource({
            "2, 1952-10-11",
            "21, 2003-02-01",
            "40, 2003-02-01",
            "41, 2025-01-01",
            "46, 1952-10-11"})
    void readsDatesOfADate1904XlsxInTheWorkbooksOwnDateSystem(int rowNumber, String date) throws Exception {
        List<SheetContents> sheets = SheetContents.readAll(CORPUS.resolve("poi/DateFormatTests.xlsx"));
        SheetContents tests = sheets.stream().filter(s -> s.name().equals("Tests")).findFirst().orElseThrow();
        assertThat(tests.row(rowNumber).cell(2)).isEqualTo(new CellValue(date, CellValue.Kind.DATE));
    }

    @Test
    void readsTheCachedTextOfFormulasAndTheSheetsInOrderOfDateFormatTests() throws Exception {
        List<SheetContents> sheets = SheetContents.readAll(CORPUS.resolve("poi/DateFormatTests.xlsx"));
        assertThat(sheets).extracting(SheetContents::name).startsWith("Flags", "Tests");
        SheetContents tests = sheets.get(1);
        assertThat(tests.texts(1)).containsExactly("Result (expected)", "Format", "Value", "Categories");
        assertThat(tests.row(2).text(0)).isEqualTo("11-10-52");
        assertThat(tests.row(2).text(1)).isEqualTo("d-m-y");
        try (SpreadsheetFile file = SpreadsheetFiles.open(CORPUS.resolve("poi/DateFormatTests.xlsx"))) {
            assertThat(((XlsxSpreadsheet) file).date1904()).isTrue();
        }
    }

    @Test
    void readsAnXlsxWithoutASharedStringTable() throws Exception {
        SheetContents sheet = SheetContents.readOnlySheet(CORPUS.resolve("poi/noSharedStringTable.xlsx"));
        assertThat(sheet.name()).isEqualTo("Sheet1");
        assertThat(sheet.rows()).hasSize(1);
        assertThat(sheet.row(1).cells()).containsExactly(new CellValue("2006-04-12", CellValue.Kind.DATE),
                new CellValue("123", CellValue.Kind.NUMBER));
    }

    @Test
    void readsTheCachedValuesOfSharedFormulas() throws Exception {
        SheetContents sheet = SheetContents.readOnlySheet(CORPUS.resolve("poi/shared_formulas.xlsx"));
        assertThat(sheet.name()).isEqualTo("Label");
        assertThat(sheet.rows()).hasSize(41);
        assertThat(sheet.texts(1)).containsExactly("Currently Using");
        assertThat(sheet.texts(2)).containsExactly("ProductionOrderConfirmation", "ProductionOrderConfirmation");
        assertThat(sheet.texts(41)).containsExactly("Code", "Code");
        for (int r = 2; r <= 41; r++) {
            assertThat(sheet.row(r).text(0)).as("A%d = B%d", r, r).isNotEmpty().isEqualTo(sheet.row(r).text(1));
        }
    }

    /**
     * The sheet has 50,000 rows and 50,000 merged regions, but every cell is a styled blank: the cursor streams
     * through them all and, as it hands on only non-empty rows, ends the sheet without a row.
     */
    @Test
    void streamsThroughFiftyThousandMergedBlankRows() {
        List<SheetContents> sheets = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> SheetContents.readAll(CORPUS.resolve("poi/57893-many-merges.xlsx")));
        assertThat(sheets).extracting(SheetContents::name).containsExactly("Sheet1");
        assertThat(sheets.get(0).rows()).isEmpty();
    }

    /** Strict OOXML is refused by name when opened (FILE-002), not misreported as a damaged file. */
    @Test
    void refusesStrictOoxmlByName() {
        Path file = CORPUS.resolve("poi/SampleSS.strict.xlsx");
        assertThatThrownBy(() -> SpreadsheetFiles.open(file))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                    assertThat(e.rule()).isEqualTo("FILE-002");
                    assertThat(e.params().get("format")).contains("Strict");
                });
    }

    // --- hostile and unsupported files -----------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "poi/password.xls, FILE-003",
            "poi/protected_passtika.xlsx, FILE-003",
            "poi/testEXCEL_95.xls, FILE-005",
            "poi/SampleSS.ods, FILE-002",
            "poi/Simple.xlsb, FILE-002",
            "poi/invalid.xlsx, FILE-004",
            "poi/xlsx-corrupted.xlsx, FILE-004"})
    void refusesUnreadableWorkbooksAtOpen(String file, String rule) {
        assertThatThrownBy(() -> SpreadsheetFiles.open(CORPUS.resolve(file)))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    @ParameterizedTest
    @CsvSource({
            "poi/SampleSS.ods, OpenDocument (ODS)",
            "poi/Simple.xlsb, Excel binary workbook (xlsb)"})
    void namesTheUnsupportedFormatForTheBureau(String file, String format) {
        assertThatThrownBy(() -> SpreadsheetFiles.open(CORPUS.resolve(file)))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.params()).containsEntry("format", format));
    }

    @Test
    void refusesTheSharedStringsBombWhileReadingInsteadOfReturningAMegabyteCell() throws Exception {
        try (SpreadsheetFile spreadsheet = SpreadsheetFiles.open(CORPUS.resolve("poi/poc-shared-strings.xlsx"));
             SheetCursor sheet = spreadsheet.nextSheet()) {
            assertThatThrownBy(() -> {
                for (RawRow row = sheet.next(); row != null; row = sheet.next()) {
                    assertThat(row.cells()).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(CellLimits.MAX_CELL_CHARS));
                }
            }).isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(Failures.classify(e).rule()).isEqualTo("FILE-006"));
        }
    }

    @Test
    void refusesAnEmptyFile(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("空表.xlsx"), new byte[0]);
        assertThat(SheetContents.rejectionOf(file).rule()).isEqualTo("FILE-001");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "汇总.pdf|%PDF-1.4\\n%âãÏÓ\\n1 0 obj\\n<< /Type /Catalog >>\\nendobj\\n",
            "汇总.xls|<!DOCTYPE html>\\n<html><body><table><tr><td>地区</td></tr></table></body></html>",
            "汇总.xls|<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body><table></table></body></html>",
            "汇总.xls|<?xml version=\"1.0\"?>\\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Workbook>"})
    void refusesPdfHtmlAndXmlSavedUnderAnyName(String name, String content, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content.replace("\\n", "\n"), StandardCharsets.UTF_8);
        assertThat(SheetContents.rejectionOf(file).rule()).isEqualTo("FILE-002");
    }
}

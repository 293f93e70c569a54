package org.ruralstat.read;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatSnifferTests {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    @TempDir
    Path dir;

    private static void assertRejected(Path file, String rule) {
        assertThatThrownBy(() -> FormatSniffer.sniff(file))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    @ParameterizedTest
    @CsvSource({
            "poi/noSharedStringTable.xlsx, XLSX",
            "poi/DateFormatTests.xlsx, XLSX",
            "poi/shared_formulas.xlsx, XLSX",
            "poi/poc-shared-strings.xlsx, XLSX",
            "poi/1904DateWindowing.xls, XLS",
            "poi/password.xls, XLS",
            "commons-csv/bom.csv, CSV",
            "csvkit/test_utf16_little.csv, CSV",
            "fastcsv/utf32le_bom.csv, CSV",
            "nbs-exports/分省年度数据_城镇单位就业人员_GBK.csv, CSV"})
    void tellsTheFormatOfCorpusFilesFromTheirBytes(String file, FileFormat format) throws Exception {
        assertThat(FormatSniffer.sniff(CORPUS.resolve(file))).isEqualTo(format);
    }

    @ParameterizedTest
    @CsvSource({
            "poi/SampleSS.ods, FILE-002",
            "poi/Simple.xlsb, FILE-002",
            "poi/invalid.xlsx, FILE-004",
            "poi/protected_passtika.xlsx, FILE-003",
            "poi/testEXCEL_95.xls, FILE-005"})
    void namesWhatAnUnsupportedCorpusFileIs(String file, String rule) {
        assertRejected(CORPUS.resolve(file), rule);
    }

    @Test
    void ignoresTheExtension() throws Exception {
        Path csvNamedXlsx = Files.copy(CORPUS.resolve("csv-spectrum/csvs/simple.csv"), dir.resolve("simple.xlsx"));
        Path xlsxNamedCsv = Files.copy(CORPUS.resolve("poi/noSharedStringTable.xlsx"), dir.resolve("book.csv"));
        Path xlsNamedXlsx = Files.copy(CORPUS.resolve("poi/1904DateWindowing.xls"), dir.resolve("old.xlsx"));
        assertThat(FormatSniffer.sniff(csvNamedXlsx)).isEqualTo(FileFormat.CSV);
        assertThat(FormatSniffer.sniff(xlsxNamedCsv)).isEqualTo(FileFormat.XLSX);
        assertThat(FormatSniffer.sniff(xlsNamedXlsx)).isEqualTo(FileFormat.XLS);
    }

    @Test
    void tellsAWorkbookWrittenByPoi() throws IOException, UnreadableFileException {
        Path file = dir.resolve("book.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("地区");
            workbook.write(out);
        }
        assertThat(FormatSniffer.sniff(file)).isEqualTo(FileFormat.XLSX);
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        assertRejected(Files.write(dir.resolve("empty.xlsx"), new byte[0]), "FILE-001");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "%PDF-1.7|PDF",
            "  %PDF-1.4|PDF",
            "<!DOCTYPE html><html><body></body></html>|HTML/XML",
            "<html><body><table></table></body></html>|HTML/XML",
            "<HTML xmlns:x=\"urn:schemas-microsoft-com:office:excel\">|HTML/XML",
            "<?xml version=\"1.0\"?><Workbook/>|HTML/XML",
            "MIME-Version: 1.0 (Produced by Microsoft Excel)|HTML/XML"})
    void refusesPdfHtmlXmlAndMhtmlAsUnsupported(String content, String format) throws IOException {
        Path file = Files.writeString(dir.resolve("return.xls"), content, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FormatSniffer.sniff(file)).isInstanceOfSatisfying(UnreadableFileException.class, e -> {
            assertThat(e.rule()).isEqualTo("FILE-002");
            assertThat(e.params()).containsEntry("format", format);
        });
    }

    /** Web systems export "Excel" as HTML, often a bare table and often with a UTF-8 BOM so Excel reads the Chinese. */
    @ParameterizedTest
    @ValueSource(strings = {
            "<table border=\"1\"><tr><td>地区</td><td>农村居民人均可支配收入</td></tr></table>",
            "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"/>",
            "\uFEFF<table><tr><td>地区</td></tr></table>"})
    void refusesHtmlAndXmlExportsWithoutAnHtmlTagOrBehindAByteOrderMark(String content) throws IOException {
        assertRejected(Files.writeString(dir.resolve("导出.xls"), content, StandardCharsets.UTF_8), "FILE-002");
    }

    @Test
    void refusesAnOdsByItsMimetypeEntry() throws IOException {
        Path file = zip("sheet.xlsx", "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office/>");
        assertRejected(file, "FILE-002");
    }

    @Test
    void refusesAnXlsbByItsBinaryWorkbookPart() throws IOException {
        Path file = zip("book.xlsx", "[Content_Types].xml", "<Types/>", "xl/workbook.bin", "binary");
        assertRejected(file, "FILE-002");
    }

    @Test
    void refusesAZipThatIsNoOfficeDocument() throws IOException {
        assertRejected(zip("photos.xlsx", "photo.txt", "not a workbook"), "FILE-004");
    }

    @Test
    void refusesATruncatedXlsx() throws IOException {
        byte[] whole = Files.readAllBytes(CORPUS.resolve("poi/noSharedStringTable.xlsx"));
        assertRejected(Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(whole, 2000)), "FILE-004");
    }

    @Test
    void refusesATruncatedXls() throws IOException {
        byte[] whole = Files.readAllBytes(CORPUS.resolve("poi/1904DateWindowing.xls"));
        assertRejected(Files.write(dir.resolve("cut.xls"), Arrays.copyOf(whole, 1000)), "FILE-004");
    }

    @ParameterizedTest
    @CsvSource({
            "WordDocument, FILE-002",
            "Book, FILE-005",
            "EncryptionInfo, FILE-003",
            "EncryptedPackage, FILE-003"})
    void tellsOle2DocumentsApartByTheirStreams(String stream, String rule) throws IOException {
        Path file = dir.resolve("document.xls");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
            fs.writeFilesystem(out);
        }
        assertRejected(file, rule);
    }

    /** A Word document renamed to .xlsx is a ZIP with [Content_Types].xml, but no workbook. */
    @Test
    void refusesADocxRenamedToXlsx() throws IOException {
        Path file = dir.resolve("情况说明.xlsx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            document.createParagraph().createRun().setText("驻村干部情况说明");
            document.write(out);
        }
        assertRejected(file, "FILE-002");
    }

    @ParameterizedTest
    @ValueSource(strings = {"地区,收入\n图们市,15000\n", "a\tb\n1\t2\n", "x"})
    void takesAnythingElseForDelimitedText(String content) throws Exception {
        assertThat(FormatSniffer.sniff(Files.writeString(dir.resolve("data.xls"), content))).isEqualTo(FileFormat.CSV);
    }

    private Path zip(String name, String... entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}

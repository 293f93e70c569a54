package org.ruralstat.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSpreadsheetTests {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void readsUtf8WithAByteOrderMarkWithoutTheMark() throws Exception {
        Path file = write("utf8_bom.csv", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "地区,农村居民人均可支配收入\n图们市,15000\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(TextEncoding.detect(file)).isEqualTo(new TextEncoding(StandardCharsets.UTF_8, 3));
        SheetContents sheet = SheetContents.readOnlySheet(file);
        assertThat(sheet.texts(1)).containsExactly("地区", "农村居民人均可支配收入");
        assertThat(sheet.texts(2)).containsExactly("图们市", "15000");
    }

    @Test
    void readsUtf8WithoutAByteOrderMark() throws Exception {
        Path file = write("utf8.csv", "姓名,驻村名称\n张三,笠峰村\n".getBytes(StandardCharsets.UTF_8));
        assertThat(TextEncoding.detect(file)).isEqualTo(new TextEncoding(StandardCharsets.UTF_8, 0));
        assertThat(SheetContents.readOnlySheet(file).texts(2)).containsExactly("张三", "笠峰村");
    }

    @Test
    void readsGbkBytesAsGb18030() throws Exception {
        Path file = write("gbk_encoded.csv", "地区,村集体经济收入（万元）\n图们市月晴镇,30.5\n延吉市,—\n".getBytes(GBK));
        assertThat(TextEncoding.detect(file).charset()).isEqualTo(TextEncoding.GB18030);
        SheetContents sheet = SheetContents.readOnlySheet(file);
        assertThat(sheet.texts(1)).containsExactly("地区", "村集体经济收入（万元）");
        assertThat(sheet.texts(2)).containsExactly("图们市月晴镇", "30.5");
        assertThat(sheet.texts(3)).containsExactly("延吉市", "—");
    }

    @Test
    void readsFourByteGb18030Characters() throws Exception {
        Path file = write("gb18030_rare.csv", "姓名,备注\n\u3400\uD840\uDC00,罕见字\n".getBytes("GB18030"));
        assertThat(SheetContents.readOnlySheet(file).texts(2)).containsExactly("\u3400\uD840\uDC00", "罕见字");
    }

    @Test
    void refusesBytesThatAreNeitherUtf8NorGb18030() throws IOException {
        Path file = write("mojibake.csv", concat("地区,收入\n".getBytes(StandardCharsets.UTF_8),
                new byte[]{(byte) 0x81, 0x20, (byte) 0xFF, ',', '1', '\n'}));
        assertThatThrownBy(() -> SpreadsheetFiles.open(file))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.rule()).isEqualTo("FILE-007"));
    }

    @Test
    void refusesBinaryContentWithoutAByteOrderMark() throws IOException {
        Path file = write("binary.csv", new byte[]{'a', ',', 'b', '\n', '1', ',', 0, '\n'});
        assertThatThrownBy(() -> SpreadsheetFiles.open(file))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.rule()).isEqualTo("FILE-002"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {"TAB", ";", "|", ","})
    void findsTheDelimiter(String delimiter) throws Exception {
        String d = delimiter.equals("TAB") ? "\t" : delimiter;
        String text = String.join(d, "地区", "收入", "投资") + "\n" + String.join(d, "图们市", "15000", "26.5") + "\n";
        SheetContents sheet = SheetContents.readOnlySheet(write("delimited.csv", text.getBytes(StandardCharsets.UTF_8)));
        assertThat(sheet.texts(1)).containsExactly("地区", "收入", "投资");
        assertThat(sheet.texts(2)).containsExactly("图们市", "15000", "26.5");
    }

    /** Tab-separated exports write thousands separators; the commas inside numbers must not win over the tabs. */
    @Test
    void findsTheTabDelimiterWhenNumbersCarryThousandsSeparators() throws Exception {
        String text = "地区\t收入（元）\t投资（元）\n图们市\t1,234,567\t2,345,678\n延吉市\t12,345\t1,000\n";
        SheetContents sheet = SheetContents.readOnlySheet(write("thousands.tsv", text.getBytes(StandardCharsets.UTF_8)));
        assertThat(sheet.texts(1)).containsExactly("地区", "收入（元）", "投资（元）");
        assertThat(sheet.texts(2)).containsExactly("图们市", "1,234,567", "2,345,678");
    }

    @Test
    void numbersRowsByRecordCountingBlankLines() throws Exception {
        Path file = write("blank_lines.csv", "a,b\n\n1,2\n,,\n\r\n3,4\n".getBytes(StandardCharsets.UTF_8));
        SheetContents sheet = SheetContents.readOnlySheet(file);
        assertThat(sheet.rowNumbers()).containsExactly(1, 3, 6);
        assertThat(sheet.texts(6)).containsExactly("3", "4");
    }

    @Test
    void numbersARecordSpanningLinesOnce() throws Exception {
        Path file = write("multiline.csv", "项目名称,备注\n\"污水管网\n一期\",无\n化粪池,有\n".getBytes(StandardCharsets.UTF_8));
        SheetContents sheet = SheetContents.readOnlySheet(file);
        assertThat(sheet.rowNumbers()).containsExactly(1, 2, 3);
        assertThat(sheet.row(2).text(0)).isEqualTo("污水管网\n一期");
    }

    @Test
    void typesEveryCellAsTextOrBlank() throws Exception {
        Path file = write("types.csv", "代码,数值,空\n222402100200,12.5,\n".getBytes(StandardCharsets.UTF_8));
        RawRow row = SheetContents.readOnlySheet(file).row(2);
        assertThat(row.cell(0)).isEqualTo(new CellValue("222402100200", CellValue.Kind.TEXT));
        assertThat(row.cell(1)).isEqualTo(new CellValue("12.5", CellValue.Kind.TEXT));
        assertThat(row.cell(2)).isEqualTo(CellValue.BLANK);
    }

    @Test
    void isOneSheetNamedAfterTheFile() throws Exception {
        Path file = write("2022年图们市驻村干部.csv", "姓名,职务\n张三,第一书记\n".getBytes(StandardCharsets.UTF_8));
        try (SpreadsheetFile spreadsheet = SpreadsheetFiles.open(file)) {
            assertThat(spreadsheet.format()).isEqualTo(FileFormat.CSV);
            assertThat(spreadsheet.progress()).isZero();
            try (SheetCursor sheet = spreadsheet.nextSheet()) {
                assertThat(sheet.sheetName()).isEqualTo("2022年图们市驻村干部");
                while (sheet.next() != null) {
                    // read to the end
                }
            }
            assertThat(spreadsheet.progress()).isEqualTo(1.0);
            assertThat(spreadsheet.nextSheet()).isNull();
        }
    }

    @Test
    void acceptsACellOfExactlyExcelsLimit() throws Exception {
        String longest = "长".repeat(CellLimits.MAX_CELL_CHARS);
        Path file = write("limit.csv", ("备注\n" + longest + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(SheetContents.readOnlySheet(file).row(2).text(0)).hasSize(CellLimits.MAX_CELL_CHARS);
    }

    @Test
    void refusesACellLongerThanExcelAllows() throws IOException {
        Path file = write("too_long.csv", ("备注\n" + "长".repeat(CellLimits.MAX_CELL_CHARS + 1) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(SheetContents.rejectionOf(file).rule()).isEqualTo("FILE-006");
    }

    @Test
    void refusesAnUnclosedQuoteAsDamaged() throws IOException {
        Path file = write("unclosed.csv", "a,b\n1,\"abc\n2,3\n".getBytes(StandardCharsets.UTF_8));
        assertThat(SheetContents.rejectionOf(file).rule()).isEqualTo("FILE-004");
    }

    @Test
    void readsNoRowsFromAFileOfOnlyAByteOrderMarkAndBlankLines() throws Exception {
        Path file = write("blank.csv", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "\n\n ,\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(SheetContents.readOnlySheet(file).rows()).isEmpty();
    }
}

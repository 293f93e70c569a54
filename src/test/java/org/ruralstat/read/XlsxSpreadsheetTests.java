package org.ruralstat.read;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Workbooks written with POI in a temporary folder, read back through the streaming reader. */
class XlsxSpreadsheetTests {

    @TempDir
    Path dir;

    private Path workbook(boolean date1904, Consumer<XSSFWorkbook> fill) throws IOException {
        Path file = dir.resolve(date1904 ? "returns_1904.xlsx" : "returns.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            if (date1904) {
                CTWorkbook ct = workbook.getCTWorkbook();
                (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            }
            fill.accept(workbook);
            workbook.write(out);
        }
        return file;
    }

    private static CellStyle dateStyle(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
        return style;
    }

    private static Row firstRow(Workbook workbook) {
        return workbook.createSheet("Sheet1").createRow(0);
    }

    @Test
    void keepsATwelveDigitCodeTypedAsTextAsText() throws Exception {
        Path file = workbook(false, wb -> firstRow(wb).createCell(0).setCellValue("222402100200"));
        assertThat(SheetContents.readOnlySheet(file).row(1).cell(0)).isEqualTo(new CellValue("222402100200", CellValue.Kind.TEXT));
    }

    /** POI, EasyExcel and the systems built on them store Java's rendering of the double: 2.224021002E11. */
    @Test
    void readsATwelveDigitCodeTypedAsANumberWithAllItsDigits() throws Exception {
        Path file = workbook(false, wb -> firstRow(wb).createCell(0).setCellValue(222402100200d));
        assertThat(SheetContents.readOnlySheet(file).row(1).cell(0)).isEqualTo(new CellValue("222402100200", CellValue.Kind.NUMBER));
    }

    @Test
    void readsAnIdNumberTypedAsANumberAsANumber() throws Exception {
        Path file = workbook(false, wb -> firstRow(wb).createCell(0).setCellValue(110105194912310021d));
        CellValue cell = SheetContents.readOnlySheet(file).row(1).cell(0);
        assertThat(cell.kind()).isEqualTo(CellValue.Kind.NUMBER);
        assertThat(cell.text()).isNotEqualTo("110105194912310021");
    }

    @ParameterizedTest
    @CsvSource({"12.5, 12.5", "0.1, 0.1", "-3.25, -3.25"})
    void readsOrdinaryNumbersAsNumbers(double value, String text) throws Exception {
        Path file = workbook(false, wb -> firstRow(wb).createCell(0).setCellValue(value));
        assertThat(SheetContents.readOnlySheet(file).row(1).cell(0)).isEqualTo(new CellValue(text, CellValue.Kind.NUMBER));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yyyy-mm-dd",
            "yyyy\"年\"m\"月\"d\"日\"",
            "m/d/yy",
            "yyyy/m/d h:mm"})
    void readsDateFormattedCellsAsIsoDates(String format) throws Exception {
        Path file = workbook(false, wb -> {
            Cell cell = firstRow(wb).createCell(0);
            cell.setCellValue(44732.5);
            cell.setCellStyle(dateStyle(wb, format));
        });
        assertThat(SheetContents.readOnlySheet(file).row(1).cell(0)).isEqualTo(new CellValue("2022-06-20", CellValue.Kind.DATE));
    }

    @Test
    void readsDateSerialsOfA1904WorkbookFrom1904() throws Exception {
        Path file = workbook(true, wb -> {
            Row row = firstRow(wb);
            Cell serial = row.createCell(0);
            serial.setCellValue(43270);
            serial.setCellStyle(dateStyle(wb, "yyyy-mm-dd"));
            Cell date = row.createCell(1);
            date.setCellValue(LocalDate.of(2021, 3, 1));
            date.setCellStyle(dateStyle(wb, "yyyy-mm-dd"));
        });
        try (SpreadsheetFile spreadsheet = SpreadsheetFiles.open(file)) {
            assertThat(((XlsxSpreadsheet) spreadsheet).date1904()).isTrue();
        }
        assertThat(SheetContents.readOnlySheet(file).row(1).cells()).containsExactly(
                new CellValue("2022-06-20", CellValue.Kind.DATE), new CellValue("2021-03-01", CellValue.Kind.DATE));
    }

    @Test
    void readsDateSerialsOfA1900WorkbookFrom1900() throws Exception {
        Path file = workbook(false, wb -> {
            Cell serial = firstRow(wb).createCell(0);
            serial.setCellValue(43270);
            serial.setCellStyle(dateStyle(wb, "yyyy-mm-dd"));
        });
        try (SpreadsheetFile spreadsheet = SpreadsheetFiles.open(file)) {
            assertThat(((XlsxSpreadsheet) spreadsheet).date1904()).isFalse();
        }
        assertThat(SheetContents.readOnlySheet(file).row(1).cell(0)).isEqualTo(new CellValue("2018-06-19", CellValue.Kind.DATE));
    }

    @Test
    void numbersRowsAsExcelShowsThemSkippingBlankRows() throws Exception {
        Path file = workbook(false, wb -> {
            Sheet sheet = wb.createSheet("驻村干部");
            sheet.createRow(0).createCell(0).setCellValue("姓名");
            sheet.createRow(3).createCell(1).setCellValue("张三");
            sheet.createRow(5);
            sheet.createRow(6).createCell(2).setCellValue("   ");
            sheet.createRow(9).createCell(16_383).setCellValue("XFD");
        });
        SheetContents sheet = SheetContents.readOnlySheet(file);
        assertThat(sheet.rowNumbers()).containsExactly(1, 4, 10);
        assertThat(sheet.texts(4)).containsExactly("", "张三");
        assertThat(sheet.row(10).cells()).hasSize(16_384);
        assertThat(sheet.row(10).text(16_383)).isEqualTo("XFD");
    }

    @Test
    void handsOutSheetsInWorkbookOrderWithTheirNames() throws Exception {
        Path file = workbook(false, wb -> {
            wb.createSheet("2022年").createRow(0).createCell(0).setCellValue("一");
            wb.createSheet("空表");
            wb.createSheet("Sheet3").createRow(1).createCell(0).setCellValue("三");
        });
        List<SheetContents> sheets = SheetContents.readAll(file);
        assertThat(sheets).extracting(SheetContents::name).containsExactly("2022年", "空表", "Sheet3");
        assertThat(sheets.get(0).texts(1)).containsExactly("一");
        assertThat(sheets.get(1).rows()).isEmpty();
        assertThat(sheets.get(2).texts(2)).containsExactly("三");
    }

    @Test
    void readsBooleansAndTheCachedResultsOfFormulas() throws Exception {
        Path file = workbook(false, wb -> {
            Row row = firstRow(wb);
            row.createCell(0).setCellValue(true);
            row.createCell(1).setCellValue("图们市");
            row.createCell(2).setCellFormula("B1&\"月晴镇\"");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        RawRow row = SheetContents.readOnlySheet(file).row(1);
        assertThat(row.cell(0)).isEqualTo(new CellValue("TRUE", CellValue.Kind.BOOLEAN));
        assertThat(row.cell(2)).isEqualTo(new CellValue("图们市月晴镇", CellValue.Kind.TEXT));
    }

    @Test
    void readsInlineStringsOfAStreamedWorkbook() throws Exception {
        Path file = dir.resolve("streamed.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("汇总");
            for (int r = 0; r < 500; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("村" + r);
                row.createCell(1).setCellValue(r);
            }
            workbook.write(out);
        }
        SheetContents sheet = SheetContents.readOnlySheet(file);
        assertThat(sheet.rows()).hasSize(500);
        assertThat(sheet.rowNumbers()).startsWith(1, 2, 3).endsWith(500);
        assertThat(sheet.row(500).cell(0)).isEqualTo(new CellValue("村499", CellValue.Kind.TEXT));
        assertThat(sheet.row(500).cell(1).kind()).isEqualTo(CellValue.Kind.NUMBER);
        assertThat(new java.math.BigDecimal(sheet.row(500).text(1))).isEqualByComparingTo("499");
    }

    /** Other writers leave out r attributes and use t="d" and t="e" cells; the sheet XML is replaced by hand. */
    @Test
    void readsRowsAndCellsWithoutReferencesAndIsoDateAndErrorCells() throws Exception {
        Path file = workbook(false, wb -> firstRow(wb).createCell(0).setCellValue("placeholder"));
        replaceSheetXml(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row><c t="inlineStr"><is><t>姓名</t></is></c><c t="inlineStr"><is><r><t>任职</t></r><r><t>时间</t></r></is></c></row>
                <row><c t="inlineStr"><is><t>张三</t></is></c><c t="d"><v>2022-06-20T00:00:00</v></c><c t="e"><v>#N/A</v></c></row>
                <row r="7"><c r="B7"><v>42</v></c></row>
                <row><c r="A8" t="b"><v>0</v></c></row>
                </sheetData></worksheet>
                """);
        SheetContents sheet = SheetContents.readOnlySheet(file);
        assertThat(sheet.rowNumbers()).containsExactly(1, 2, 7, 8);
        assertThat(sheet.texts(1)).containsExactly("姓名", "任职时间");
        assertThat(sheet.row(2).cells()).containsExactly(new CellValue("张三", CellValue.Kind.TEXT),
                new CellValue("2022-06-20", CellValue.Kind.DATE), new CellValue("#N/A", CellValue.Kind.ERROR));
        assertThat(sheet.row(7).cells()).containsExactly(CellValue.BLANK, new CellValue("42", CellValue.Kind.NUMBER));
        assertThat(sheet.row(8).cell(0)).isEqualTo(new CellValue("FALSE", CellValue.Kind.BOOLEAN));
    }

    /** The feedback copy asks for a few rows by number: the others are passed over, numbered all the same. */
    @Test
    void handsOnOnlyTheRowsAskedForByNumberCountingRowsWithoutReferences() throws Exception {
        Path file = workbook(false, wb -> firstRow(wb).createCell(0).setCellValue("placeholder"));
        replaceSheetXml(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row><c t="inlineStr"><is><t>姓名</t></is></c></row>
                <row><c t="inlineStr"><is><r><t>跳过</t></r><r><t>的行</t></r></is></c></row>
                <row><c t="inlineStr"><is><t>第三行</t></is></c></row>
                <row r="7"><c r="B7"><v>42</v></c></row>
                <row><c r="A8"><v>8</v></c></row>
                <row r="9"><c r="A9" t="inlineStr"><is><t>第九行</t></is></c></row>
                </sheetData></worksheet>
                """);
        List<RawRow> rows = new java.util.ArrayList<>();
        try (SpreadsheetFile spreadsheet = SpreadsheetFiles.open(file); SheetCursor sheet = spreadsheet.nextSheet()) {
            for (RawRow row = sheet.next(n -> n == 3 || n == 8); row != null; row = sheet.next(n -> n == 3 || n == 8)) {
                rows.add(row);
            }
        }
        assertThat(rows).extracting(RawRow::rowNumber).containsExactly(3, 8);
        assertThat(rows.get(0).text(0)).isEqualTo("第三行");
        assertThat(rows.get(1).cell(0)).isEqualTo(new CellValue("8", CellValue.Kind.NUMBER));
    }

    @Test
    void refusesAnInlineStringLongerThanExcelAllows() throws Exception {
        Path file = workbook(false, wb -> firstRow(wb).createCell(0).setCellValue("placeholder"));
        replaceSheetXml(file, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + "长".repeat(CellLimits.MAX_CELL_CHARS + 1)
                + "</t></is></c></row></sheetData></worksheet>");
        assertThat(SheetContents.rejectionOf(file).rule()).isEqualTo("FILE-006");
    }

    /** rules.yml gives FILE-006 for "a cell beyond Excel's limits"; a column past XFD is one. */
    @Test
    void refusesACellBeyondExcelsLastColumnAsHostile() throws Exception {
        Path file = workbook(false, wb -> firstRow(wb).createCell(0).setCellValue("placeholder"));
        replaceSheetXml(file, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>");
        assertThat(SheetContents.rejectionOf(file).rule()).isEqualTo("FILE-006");
    }

    private static void replaceSheetXml(Path file, String sheetXml) throws IOException {
        Path rewritten = file.resolveSibling("rewritten.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write(sheetXml.strip().getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(rewritten, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

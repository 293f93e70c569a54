package org.ruralstat.read;

import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** BIFF8 workbooks written with POI in a temporary folder and read back. */
class XlsSpreadsheetTests {

    @TempDir
    Path dir;

    private Path workbook(boolean date1904, Consumer<HSSFWorkbook> fill) throws IOException {
        Path file = dir.resolve(date1904 ? "returns_1904.xls" : "returns.xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            if (date1904) {
                ((DateWindow1904Record) workbook.getInternalWorkbook().findFirstRecordBySid(DateWindow1904Record.sid))
                        .setWindowing((short) 1);
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
        assertThat(cell.text()).isNotEqualTo("110105194912310021").doesNotContain("E");
    }

    @ParameterizedTest
    @CsvSource({
            "222401.0, 222401",
            "222402100200, 222402100200",
            "0.1, 0.1",
            "12.50, 12.5",
            "-3.0, -3",
            "0.0000001, 0.0000001",
            "1.0E20, 100000000000000000000"})
    void rendersNumbersWithoutExponentOrTrailingZeros(double value, String text) {
        assertThat(XlsSpreadsheet.plain(value)).isEqualTo(text);
    }

    @Test
    void readsDateFormattedCellsAsIsoDates() throws Exception {
        Path file = workbook(false, wb -> {
            Row row = firstRow(wb);
            Cell iso = row.createCell(0);
            iso.setCellValue(44732);
            iso.setCellStyle(dateStyle(wb, "yyyy-mm-dd"));
            Cell chinese = row.createCell(1);
            chinese.setCellValue(44732.75);
            chinese.setCellStyle(dateStyle(wb, "yyyy\"年\"m\"月\"d\"日\""));
            Cell builtIn = row.createCell(2);
            builtIn.setCellValue(44732);
            builtIn.setCellStyle(dateStyle(wb, "m/d/yy"));
        });
        assertThat(SheetContents.readOnlySheet(file).row(1).cells()).containsOnly(new CellValue("2022-06-20", CellValue.Kind.DATE));
    }

    @Test
    void readsDateSerialsOfA1904WorkbookFrom1904() throws Exception {
        Path file = workbook(true, wb -> {
            Cell cell = firstRow(wb).createCell(0);
            cell.setCellValue(43270);
            cell.setCellStyle(dateStyle(wb, "yyyy-mm-dd"));
        });
        assertThat(SheetContents.readOnlySheet(file).row(1).cell(0)).isEqualTo(new CellValue("2022-06-20", CellValue.Kind.DATE));
    }

    @Test
    void numbersRowsAsExcelShowsThemSkippingBlankRows() throws Exception {
        Path file = workbook(false, wb -> {
            Sheet sheet = wb.createSheet("驻村干部");
            sheet.createRow(0).createCell(0).setCellValue("姓名");
            sheet.createRow(3).createCell(1).setCellValue("张三");
            sheet.createRow(5);
            sheet.createRow(6).createCell(2).setCellValue("   ");
            sheet.createRow(9).createCell(255).setCellValue("IV");
        });
        SheetContents sheet = SheetContents.readOnlySheet(file);
        assertThat(sheet.rowNumbers()).containsExactly(1, 4, 10);
        assertThat(sheet.texts(4)).containsExactly("", "张三");
        assertThat(sheet.row(10).cells()).hasSize(256);
        assertThat(sheet.row(10).text(255)).isEqualTo("IV");
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
    void readsBooleansErrorsAndTheCachedResultsOfFormulas() throws Exception {
        Path file = workbook(false, wb -> {
            Row row = firstRow(wb);
            row.createCell(0).setCellValue(true);
            row.createCell(1).setCellValue(1.5);
            row.createCell(2).setCellFormula("B1*2");
            row.createCell(3).setCellErrorValue(FormulaError.DIV0.getCode());
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        RawRow row = SheetContents.readOnlySheet(file).row(1);
        assertThat(row.cell(0)).isEqualTo(new CellValue("TRUE", CellValue.Kind.BOOLEAN));
        assertThat(row.cell(2)).isEqualTo(new CellValue("3", CellValue.Kind.NUMBER));
        assertThat(row.cell(3).kind()).isEqualTo(CellValue.Kind.ERROR);
    }

    @Test
    void reportsItsFormatAndProgressBySheet() throws Exception {
        Path file = workbook(false, wb -> {
            wb.createSheet("一").createRow(0).createCell(0).setCellValue("a");
            wb.createSheet("二").createRow(0).createCell(0).setCellValue("b");
        });
        try (SpreadsheetFile spreadsheet = SpreadsheetFiles.open(file)) {
            assertThat(spreadsheet.format()).isEqualTo(FileFormat.XLS);
            assertThat(spreadsheet.progress()).isZero();
            spreadsheet.nextSheet().close();
            assertThat(spreadsheet.progress()).isEqualTo(0.5);
            spreadsheet.nextSheet().close();
            assertThat(spreadsheet.progress()).isEqualTo(1.0);
            assertThat(spreadsheet.nextSheet()).isNull();
        }
    }
}

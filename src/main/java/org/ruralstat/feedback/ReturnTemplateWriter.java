package org.ruralstat.feedback;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ruralstat.feedback.TemplateColumn.Check;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ReturnTemplate} as the xlsx a clerk fills in: title, period and header rows locked, every data
 * cell unlocked and checked as it is typed (drop-down lists from a hidden 代码表 sheet, number ranges, dates, ID
 * number length), codes formatted as text, a 填表说明 sheet. The sheet is protected without a password: a clerk
 * can still insert rows, sort and filter, and can lift the protection on purpose, never by accident.
 */
public final class ReturnTemplateWriter {

    static final String LISTS_SHEET = "代码表";
    static final String INSTRUCTIONS_SHEET = "填表说明";
    /** The first data row, 1-based: title, subtitle, header above it. */
    public static final int FIRST_DATA_ROW = 4;

    private ReturnTemplateWriter() {
    }

    public static void write(ReturnTemplate template, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".template-", ".xlsx.part");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(template.sheetName());
            XSSFSheet instructions = workbook.createSheet(INSTRUCTIONS_SHEET);
            XSSFSheet lists = workbook.createSheet(LISTS_SHEET);
            writeLists(workbook, lists, template.lists());
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            writeData(sheet, template, styles);
            writeInstructions(instructions, template, styles);
            workbook.setActiveSheet(0);
            try (OutputStream out = Files.newOutputStream(partial)) {
                workbook.write(out);
            }
            if (Files.getFileStore(partial).supportsFileAttributeView("posix")) {
                // a template is handed to bureaus: readable like the receipts, not private to the operator
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void writeData(XSSFSheet sheet, ReturnTemplate template, Styles styles) {
        List<TemplateColumn> columns = template.columns();
        int last = columns.size() - 1;
        Row title = sheet.createRow(0);
        title.setHeightInPoints(26);
        title.createCell(0).setCellValue(template.title());
        title.getCell(0).setCellStyle(styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
        Row subtitle = sheet.createRow(1);
        subtitle.createCell(0).setCellValue(template.subtitle());
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
        Row header = sheet.createRow(2);
        header.setHeightInPoints(32);
        for (int c = 0; c <= last; c++) {
            header.createCell(c).setCellValue(columns.get(c).header());
            header.getCell(c).setCellStyle(styles.header);
            sheet.setColumnWidth(c, Math.min(40, Math.max(10, columns.get(c).header().length() * 2 + 4)) * 256);
            sheet.setDefaultColumnStyle(c, styles.of(columns.get(c).check()));
        }
        int firstData = FIRST_DATA_ROW - 1;
        for (int r = 0; r < template.rows().size(); r++) {
            Row row = sheet.createRow(firstData + r);
            List<String> values = template.rows().get(r);
            for (int c = 0; c <= last; c++) {
                var cell = row.createCell(c);
                cell.setCellStyle(styles.of(columns.get(c).check()));
                if (c < values.size()) {
                    cell.setCellValue(values.get(c));
                }
            }
        }
        int lastData = firstData + Math.max(1, template.rows().size() + template.blankRows()) - 1;
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int c = 0; c <= last; c++) {
            TemplateColumn column = columns.get(c);
            DataValidationConstraint constraint = constraint(helper, column);
            DataValidation validation = constraint == null
                    ? helper.createValidation(helper.createCustomConstraint("TRUE"), new CellRangeAddressList(firstData, lastData, c, c))
                    : helper.createValidation(constraint, new CellRangeAddressList(firstData, lastData, c, c));
            validation.setShowPromptBox(true);
            validation.createPromptBox(clip(column.header(), 32), clip(column.prompt(), 255));
            validation.setShowErrorBox(constraint != null);
            validation.setErrorStyle(column.stop() ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
            validation.createErrorBox(column.stop() ? "输入有误" : "请核实", clip(column.prompt(), 255));
            validation.setEmptyCellAllowed(true);
            if (column.check() == Check.LIST) {
                validation.setSuppressDropDownArrow(true); // in XSSF, true shows the arrow
            }
            sheet.addValidationData(validation);
        }
        sheet.createFreezePane(0, firstData);
        sheet.enableLocking();
        sheet.lockInsertRows(false);
        sheet.lockDeleteRows(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSort(false);
        sheet.lockAutoFilter(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    private static DataValidationConstraint constraint(DataValidationHelper helper, TemplateColumn column) {
        return switch (column.check()) {
            case LIST -> helper.createFormulaListConstraint(nameOf(column.list()));
            case DECIMAL -> number(helper, column, false);
            case WHOLE -> number(helper, column, true);
            case DATE -> helper.createDateConstraint(OperatorType.BETWEEN, "DATE(1950,1,1)", "DATE(2100,12,31)", "yyyy-mm-dd");
            case ID_NUMBER -> helper.createTextLengthConstraint(OperatorType.EQUAL, "18", null);
            case TEXT -> null;
        };
    }

    private static DataValidationConstraint number(DataValidationHelper helper, TemplateColumn column, boolean whole) {
        String min = column.min() == null ? (whole ? "-2147483648" : "-1E+15") : ReturnTemplates.plain(column.min());
        String max = column.max() == null ? (whole ? "2147483647" : "1E+15") : ReturnTemplates.plain(column.max());
        return whole ? helper.createIntegerConstraint(OperatorType.BETWEEN, min, max)
                : helper.createDecimalConstraint(OperatorType.BETWEEN, min, max);
    }

    private static void writeLists(XSSFWorkbook workbook, XSSFSheet sheet, Map<String, List<String>> lists) {
        int c = 0;
        Row names = sheet.createRow(0);
        for (Map.Entry<String, List<String>> list : lists.entrySet()) {
            names.createCell(c).setCellValue(list.getKey());
            List<String> values = list.getValue();
            for (int r = 0; r < values.size(); r++) {
                Row row = sheet.getRow(r + 1) == null ? sheet.createRow(r + 1) : sheet.getRow(r + 1);
                row.createCell(c).setCellValue(values.get(r));
            }
            Name name = workbook.createName();
            name.setNameName(nameOf(list.getKey()));
            String letters = CellReference.convertNumToColString(c);
            name.setRefersToFormula("'" + LISTS_SHEET + "'!$" + letters + "$2:$" + letters + "$" + (Math.max(1, values.size()) + 1));
            c++;
        }
    }

    /** A defined name for a list: Excel's names take letters, digits and underscores, and not only digits. */
    static String nameOf(String list) {
        StringBuilder name = new StringBuilder("list_");
        list.codePoints().forEach(cp -> name.append(Character.isLetterOrDigit(cp) && cp < 128 ? Character.toString(cp)
                : "u" + Integer.toHexString(cp)));
        return name.toString();
    }

    private static void writeInstructions(XSSFSheet sheet, ReturnTemplate template, Styles styles) {
        sheet.setColumnWidth(0, 120 * 256);
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue(INSTRUCTIONS_SHEET + "：" + template.title());
        title.getCell(0).setCellStyle(styles.title);
        int r = 2;
        for (String line : template.instructions()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(line);
            row.getCell(0).setCellStyle(styles.wrap);
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The workbook's few styles, made once per workbook. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle number;
        final CellStyle date;
        final CellStyle wrap;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            text = unlocked(workbook);
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            number = unlocked(workbook);
            date = unlocked(workbook);
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
        }

        private static CellStyle unlocked(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setLocked(false);
            return style;
        }

        CellStyle of(Check check) {
            return switch (check) {
                case DECIMAL, WHOLE -> number;
                case DATE -> date;
                case TEXT, LIST, ID_NUMBER -> text;
            };
        }
    }
}

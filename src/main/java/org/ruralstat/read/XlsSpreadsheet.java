package org.ruralstat.read;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.ruralstat.text.PersonalDataMasker;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * A BIFF8 workbook (.xls) read with HSSF. The format caps a sheet at 65,536 rows, so holding it is bounded;
 * numbers are rendered exactly (no 2.22424E5), date-formatted cells as ISO dates.
 */
final class XlsSpreadsheet implements SpreadsheetFile {

    private final POIFSFileSystem fs;
    private final HSSFWorkbook workbook;
    private int nextSheet;

    private XlsSpreadsheet(POIFSFileSystem fs, HSSFWorkbook workbook) {
        this.fs = fs;
        this.workbook = workbook;
    }

    static SpreadsheetFile open(Path file) throws UnreadableFileException {
        POIFSFileSystem fs = null;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
            return new XlsSpreadsheet(fs, new HSSFWorkbook(fs.getRoot(), false));
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            closeQuietly(fs);
            throw Failures.classify(e);
        }
    }

    @Override
    public FileFormat format() {
        return FileFormat.XLS;
    }

    @Override
    public boolean date1904() {
        return workbook.getInternalWorkbook().isUsing1904DateWindowing();
    }

    @Override
    public double progress() {
        return workbook.getNumberOfSheets() == 0 ? 1 : (double) nextSheet / workbook.getNumberOfSheets();
    }

    @Override
    public SheetCursor nextSheet() {
        if (nextSheet >= workbook.getNumberOfSheets()) {
            return null;
        }
        Sheet sheet = workbook.getSheetAt(nextSheet++);
        Iterator<Row> rows = sheet.rowIterator();
        String name = PersonalDataMasker.scrub(sheet.getSheetName());
        return new SheetCursor() {
            @Override
            public String sheetName() {
                return name;
            }

            @Override
            public RawRow next() throws IOException {
                while (rows.hasNext()) {
                    Row row = rows.next();
                    RowBuilder cells = new RowBuilder();
                    for (Cell cell : row) {
                        cells.set(cell.getColumnIndex(), CellLimits.checked(toCell(cell)));
                    }
                    RawRow raw = new RawRow(row.getRowNum() + 1, cells.cells());
                    if (!raw.isBlank()) {
                        return raw;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                // the workbook is closed with the file
            }
        };
    }

    private static CellValue toCell(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> CellValue.text(cell.getRichStringCellValue().getString());
            case BOOLEAN -> new CellValue(cell.getBooleanCellValue() ? "TRUE" : "FALSE", CellValue.Kind.BOOLEAN);
            case ERROR -> new CellValue("#ERROR", CellValue.Kind.ERROR);
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? new CellValue(cell.getLocalDateTimeCellValue().toLocalDate().toString(), CellValue.Kind.DATE)
                    : new CellValue(plain(cell.getNumericCellValue()), CellValue.Kind.NUMBER);
            default -> CellValue.BLANK;
        };
    }

    /** The shortest text that reads back as the same double: 222401 not 222401.0, 0.1 not 0.1000000000000000055. */
    static String plain(double value) {
        return plain(BigDecimal.valueOf(value));
    }

    /** A number's digits without trailing zeros or an exponent: 3 not 3.0, 222402100200 not 2.224021002E+11. */
    static String plain(BigDecimal value) {
        BigDecimal exact = value.stripTrailingZeros();
        return exact.scale() < 0 ? exact.setScale(0).toPlainString() : exact.toPlainString();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
        fs.close();
    }

    private static void closeQuietly(POIFSFileSystem fs) {
        if (fs != null) {
            try {
                fs.close();
            } catch (IOException e) {
                // already failing; the original exception is the one to report
            }
        }
    }
}

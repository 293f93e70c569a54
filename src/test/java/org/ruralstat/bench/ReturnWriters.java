package org.ruralstat.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@link ReturnTable}s as xlsx (streamed, with a shared-strings table as Excel and WPS write it),
 * xls (BIFF8, at most 65,535 rows) or CSV, and counts the data rows written. The bytes are the same on
 * every run: fixed document dates and zip entry times.
 */
final class ReturnWriters {

    private static final LocalDateTime DOCUMENT_TIME = LocalDateTime.of(2022, 1, 10, 9, 30);
    private static final int XLS_MAX_ROWS = 65_535;

    private ReturnWriters() {
    }

    /** An xlsx written row by row; only a window of rows is in memory, the shared strings are. */
    static long xlsx(Path file, ReturnTable table) throws IOException {
        Path raw = file.resolveSibling(file.getFileName() + ".part");
        long rows;
        SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), 500, false, true);
        try {
            var core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
            core.setCreated(Optional.of(documentDate()));
            core.setModified(Optional.of(documentDate()));
            core.setCreator("统计局");
            rows = fill(wb, table);
            try (OutputStream out = Files.newOutputStream(raw)) {
                wb.write(out);
            }
        } finally {
            wb.close();
        }
        withFixedEntryTimes(raw, file);
        Files.delete(raw);
        return rows;
    }

    static long xls(Path file, ReturnTable table) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            long rows = fill(wb, table);
            wb.createInformationProperties();
            wb.getSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UNICODE);
            wb.getDocumentSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UNICODE);
            wb.getSummaryInformation().setCreateDateTime(documentDate());
            wb.getSummaryInformation().setLastSaveDateTime(documentDate());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return rows;
        }
    }

    /**
     * A CSV as Excel or WPS exports it: one header row, CRLF line ends, no title and no footer. A character
     * the charset cannot encode fails the write instead of turning into '?'.
     */
    static long csv(Path file, ReturnTable table, Charset charset, boolean byteOrderMark) throws IOException {
        if (table.title() != null || table.subHeader() != null) {
            throw new IllegalArgumentException("a CSV return has one header row and no title");
        }
        var encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long rows = 0;
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), encoder);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            if (byteOrderMark) {
                out.write('\uFEFF');
            }
            csv.printRecord(table.header());
            while (table.rows().hasNext()) {
                csv.printRecord(table.rows().next().stream().map(ReturnWriters::csvText).toList());
                rows++;
            }
        }
        return rows;
    }

    private static String csvText(Object value) {
        if (value instanceof ReturnTable.DateCell) {
            throw new IllegalArgumentException("a CSV has no date cells: " + value);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    private static long fill(Workbook wb, ReturnTable table) {
        Styles styles = new Styles(wb);
        Sheet sheet = wb.createSheet(table.sheetName());
        int r = 0;
        if (table.title() != null) {
            Cell title = sheet.createRow(r++).createCell(0);
            title.setCellValue(table.title());
            title.setCellStyle(styles.centred);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, table.columnCount() - 1));
        }
        r = header(sheet, table, r, styles);
        long rows = 0;
        while (table.rows().hasNext()) {
            if (r >= XLS_MAX_ROWS && wb instanceof HSSFWorkbook) {
                throw new IllegalArgumentException("an xls sheet holds at most " + XLS_MAX_ROWS + " rows");
            }
            cells(sheet.createRow(r++), table.rows().next(), styles);
            rows++;
        }
        if (table.total() != null) {
            cells(sheet.createRow(r++), table.total().get(), styles);
        }
        if (!table.footer().isEmpty()) {
            r++; // a blank line between the table and the signatures
            for (String line : table.footer()) {
                sheet.createRow(r++).createCell(0).setCellValue(line);
            }
        }
        for (int c = 0; c < table.columnCount(); c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
        return rows;
    }

    private static int header(Sheet sheet, ReturnTable table, int first, Styles styles) {
        List<String> top = table.header();
        List<String> bottom = table.subHeader();
        Row topRow = sheet.createRow(first);
        Row bottomRow = bottom == null ? null : sheet.createRow(first + 1);
        for (int c = 0; c < top.size(); c++) {
            text(topRow, c, top.get(c), styles.centred);
            if (bottomRow != null) {
                text(bottomRow, c, bottom.get(c), styles.centred);
            }
        }
        if (bottom == null) {
            return first + 1;
        }
        for (int c = 0; c < top.size(); c++) {
            if (top.get(c) != null && bottom.get(c) == null) {
                sheet.addMergedRegion(new CellRangeAddress(first, first + 1, c, c));
            } else if (top.get(c) != null) {
                int last = c;
                while (last + 1 < top.size() && top.get(last + 1) == null) {
                    last++;
                }
                if (last > c) {
                    sheet.addMergedRegion(new CellRangeAddress(first, first, c, last));
                }
            }
        }
        return first + 2;
    }

    private static void text(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    private static void cells(Row row, List<Object> values, Styles styles) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof String s) {
                cell.setCellValue(s);
            } else if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof ReturnTable.DateCell d) {
                cell.setCellValue(d.date());
                cell.setCellStyle(styles.date(d.format()));
            } else {
                throw new IllegalArgumentException("unsupported cell value " + value.getClass());
            }
        }
    }

    private static Date documentDate() {
        return Date.from(DOCUMENT_TIME.toInstant(ZoneOffset.ofHours(8)));
    }

    /** POI stamps zip entries with the current time; copy them with a fixed one, streaming. */
    private static void withFixedEntryTimes(Path from, Path to) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry : in.stream().toList()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(DOCUMENT_TIME);
                out.putNextEntry(copy);
                try (InputStream content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    /** The cell styles of one workbook, each created once. */
    private static final class Styles {
        private final Workbook wb;
        private final CellStyle centred;
        private final Map<String, CellStyle> dates = new HashMap<>();

        Styles(Workbook wb) {
            this.wb = wb;
            centred = wb.createCellStyle();
            centred.setAlignment(HorizontalAlignment.CENTER);
        }

        CellStyle date(String format) {
            return dates.computeIfAbsent(format, f -> {
                CellStyle style = wb.createCellStyle();
                style.setDataFormat(wb.createDataFormat().getFormat(f));
                return style;
            });
        }
    }
}

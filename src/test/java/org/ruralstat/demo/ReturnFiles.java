package org.ruralstat.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@link ReturnSheet}s as xlsx, xls or CSV files whose bytes are the same on every run: fixed
 * document dates, fixed zip entry times, no font-dependent column sizing.
 */
final class ReturnFiles {

    /** The created/modified date stamped into every workbook. */
    private static final LocalDateTime DOCUMENT_TIME = LocalDateTime.of(2022, 1, 10, 9, 30);
    private static final String AUTHOR = "统计局";

    private ReturnFiles() {
    }

    static void xlsx(Path file, ReturnSheet... sheets) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb, sheets);
            write(wb, file);
        }
    }

    /** Writes a workbook with the fixed document dates and entry times of every demo file. */
    static void write(XSSFWorkbook wb, Path file) throws IOException {
        var core = wb.getProperties().getCoreProperties();
        core.setCreated(Optional.of(documentDate()));
        core.setModified(Optional.of(documentDate()));
        core.setCreator(AUTHOR);
        core.setLastModifiedByUser(AUTHOR);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        wb.write(bytes);
        Files.write(file, withFixedEntryTimes(bytes.toByteArray()));
    }

    static void xls(Path file, ReturnSheet... sheets) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            fill(wb, sheets);
            wb.createInformationProperties();
            SummaryInformation info = wb.getSummaryInformation();
            info.getFirstSection().setCodepage(CodePageUtil.CP_UNICODE); // so the Chinese author survives
            wb.getDocumentSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UNICODE);
            info.setCreateDateTime(documentDate());
            info.setLastSaveDateTime(documentDate());
            info.setAuthor(AUTHOR);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /**
     * A CSV file as Excel or WPS exports it (CRLF line ends). Characters the charset cannot encode fail
     * the write instead of turning into '?'.
     */
    static void csv(Path file, ReturnSheet sheet, Charset charset, boolean byteOrderMark) throws IOException {
        if (sheet.title() != null || sheet.headerRows().size() != 1) {
            throw new IllegalArgumentException("a CSV return has exactly one header row and no title");
        }
        var encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), encoder);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            if (byteOrderMark) {
                out.write('\uFEFF');
            }
            csv.printRecord(sheet.headerRows().get(0));
            for (List<Object> row : sheet.rows()) {
                csv.printRecord(row.stream().map(ReturnFiles::csvText).toList());
            }
            for (String line : sheet.footer()) {
                csv.printRecord(line);
            }
        }
    }

    private static String csvText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof ReturnSheet.ExcelDate) {
            throw new IllegalArgumentException("a CSV has no date cells: " + value);
        }
        return value instanceof Number n ? plain(n) : value.toString();
    }

    private static String plain(Number n) {
        BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
        return d.stripTrailingZeros().toPlainString();
    }

    private static Date documentDate() {
        return Date.from(DOCUMENT_TIME.toInstant(ZoneOffset.ofHours(8)));
    }

    /** POI stamps zip entries with the current time; rewrite them with a fixed one. */
    private static byte[] withFixedEntryTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(DOCUMENT_TIME);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    // ---- laying out a sheet ----

    private static void fill(Workbook wb, ReturnSheet... sheets) {
        Styles styles = new Styles(wb);
        for (ReturnSheet rs : sheets) {
            Sheet sheet = wb.createSheet(rs.name());
            int r = 0;
            if (rs.title() != null) {
                r = writeTitle(sheet, rs, styles);
            }
            r = writeHeader(sheet, rs, r, styles);
            for (List<Object> values : rs.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    writeCell(row, c, values.get(c), styles);
                }
            }
            if (!rs.footer().isEmpty()) {
                r++; // one blank line between the table and the signatures
                for (String line : rs.footer()) {
                    sheet.createRow(r++).createCell(0).setCellValue(line);
                }
            }
            setColumnWidths(sheet, rs);
        }
    }

    private static int writeTitle(Sheet sheet, ReturnSheet rs, Styles styles) {
        Row row = sheet.createRow(0);
        row.setHeightInPoints(24);
        Cell cell = row.createCell(0);
        cell.setCellValue(rs.title());
        cell.setCellStyle(styles.title);
        if (rs.columnCount() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, rs.columnCount() - 1));
        }
        return 1;
    }

    private static int writeHeader(Sheet sheet, ReturnSheet rs, int first, Styles styles) {
        List<List<String>> header = rs.headerRows();
        for (int h = 0; h < header.size(); h++) {
            Row row = sheet.createRow(first + h);
            for (int c = 0; c < rs.columnCount(); c++) {
                Cell cell = row.createCell(c);
                cell.setCellStyle(styles.header);
                String text = c < header.get(h).size() ? header.get(h).get(c) : null;
                if (text != null) {
                    cell.setCellValue(text);
                }
            }
        }
        if (header.size() == 2) {
            mergeTwoRowHeader(sheet, header.get(0), header.get(1), first);
        }
        return first + header.size();
    }

    private static void mergeTwoRowHeader(Sheet sheet, List<String> top, List<String> bottom, int first) {
        for (int c = 0; c < top.size(); c++) {
            if (top.get(c) == null) {
                continue;
            }
            if (bottom.get(c) == null) {
                sheet.addMergedRegion(new CellRangeAddress(first, first + 1, c, c));
                continue;
            }
            int last = c;
            while (last + 1 < top.size() && top.get(last + 1) == null) {
                last++;
            }
            if (last > c) {
                sheet.addMergedRegion(new CellRangeAddress(first, first, c, last));
            }
        }
    }

    private static void writeCell(Row row, int c, Object value, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(c);
        if (value instanceof String s) {
            cell.setCellValue(s);
            cell.setCellStyle(styles.text);
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(styles.date("yyyy-mm-dd"));
        } else if (value instanceof ReturnSheet.ExcelDate d) {
            cell.setCellValue(d.date());
            cell.setCellStyle(styles.date(d.format()));
        } else {
            throw new IllegalArgumentException("unsupported cell value " + value.getClass());
        }
    }

    /** Widths from the text length (full-width characters count double), never from font metrics. */
    private static void setColumnWidths(Sheet sheet, ReturnSheet rs) {
        List<Integer> widths = new ArrayList<>();
        for (int c = 0; c < rs.columnCount(); c++) {
            int w = 6;
            for (List<String> header : rs.headerRows()) {
                w = Math.max(w, c < header.size() ? displayWidth(header.get(c)) : 0);
            }
            for (List<Object> row : rs.rows()) {
                Object v = c < row.size() ? row.get(c) : null;
                w = Math.max(w, v instanceof String s ? displayWidth(s) : v == null ? 0 : 11);
            }
            widths.add(Math.min(w + 2, 50));
        }
        for (int c = 0; c < widths.size(); c++) {
            sheet.setColumnWidth(c, widths.get(c) * 256);
        }
    }

    private static int displayWidth(String s) {
        if (s == null) {
            return 0;
        }
        return s.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
    }

    /** The few cell styles a return uses, created once per workbook. */
    private static final class Styles {
        private final Workbook wb;
        private final CellStyle title;
        private final CellStyle header;
        private final CellStyle text;
        private final Map<String, CellStyle> dates = new HashMap<>();

        Styles(Workbook wb) {
            this.wb = wb;
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
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

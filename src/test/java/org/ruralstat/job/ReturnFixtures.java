package org.ruralstat.job;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small real returns written by the tests themselves: one quirk per file. */
final class ReturnFixtures {

    private ReturnFixtures() {
    }

    static Path csv(Path folder, String name, Charset charset, String... lines) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.write(file, (String.join("\r\n", lines) + "\r\n").getBytes(charset));
        return file;
    }

    /** An xlsx with an optional title row (merged across the table) and the given header rows and data rows. */
    static Path xlsx(Path folder, String name, String title, List<List<Object>> headerRows, List<List<Object>> rows,
                     CellRangeAddress... merges) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Sheet1");
            int r = 0;
            if (title != null) {
                sheet.createRow(r++).createCell(0).setCellValue(title);
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(1, headerRows.get(0).size() - 1)));
            }
            for (List<Object> header : headerRows) {
                write(sheet.createRow(r++), header);
            }
            for (List<Object> row : rows) {
                write(sheet.createRow(r++), row);
            }
            for (CellRangeAddress merge : merges) {
                sheet.addMergedRegion(merge);
            }
            workbook.write(out);
        }
        return file;
    }

    private static void write(Row row, List<Object> values) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            if (value instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else {
                row.createCell(c).setCellValue(value.toString());
            }
        }
    }

    /** A syntactically valid 18-digit ID for a county code and birth date, with the right check character. */
    static String idNumber(String county, String birth, int sequence) {
        String first17 = county + birth + String.format("%03d", sequence);
        return first17 + org.ruralstat.text.IdNumber.checkCharacter(first17);
    }
}

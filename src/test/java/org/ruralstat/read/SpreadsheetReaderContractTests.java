package org.ruralstat.read;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every spreadsheet reader keeps, checked on one return written in each format a bureau sends (xlsx from
 * Office, old xls, UTF-8 CSV with a byte-order mark, GBK CSV): the same rows, at the same row numbers, with the same
 * cell texts; codes typed as numbers keep every digit, dates read as ISO dates, blank rows are skipped without
 * renumbering the rows after them, and trailing blank cells are not cells. What differs by format (cell kinds, sheet
 * names, format-specific limits) is in each reader's own tests.
 */
class SpreadsheetReaderContractTests {

    /** One cell: a text, a number or a date, as the bureau typed it; CSV writes its text. */
    private record Typed(String text, Double number, LocalDate date) {
        static Typed text(String text) {
            return new Typed(text, null, null);
        }

        static Typed number(double number, String text) {
            return new Typed(text, number, null);
        }

        static Typed date(LocalDate date) {
            return new Typed(date.toString(), null, date);
        }
    }

    /** The return: title, header with a unit, two villages (one code typed as a number), a blank row, a 合计 row. */
    private static final List<List<Typed>> RETURN = List.of(
            List.of(Typed.text("安图县2022年村集体经济收入统计表")),
            List.of(Typed.text("村代码"), Typed.text("村名称"), Typed.text("村集体经济收入（万元）"), Typed.text("填报日期")),
            List.of(Typed.text("222426100200"), Typed.text("吐月社区"), Typed.number(12.5, "12.5"),
                    Typed.date(LocalDate.of(2023, 1, 15))),
            List.of(Typed.number(222426100201d, "222426100201"), Typed.text("新屯子村"), Typed.number(3, "3"),
                    Typed.date(LocalDate.of(2023, 1, 16))),
            List.of(),
            List.of(Typed.text("合计"), Typed.text(""), Typed.number(15.5, "15.5")),
            List.of(Typed.text("填表人：王某"), Typed.text(""), Typed.text("")));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xlsx", "xls", "csv-utf8-bom", "csv-gbk"})
    void everyReaderHandsOnTheSameRowsAndTexts(String format) throws Exception {
        Path file = switch (format) {
            case "xlsx" -> workbook(new XSSFWorkbook(), "return.xlsx");
            case "xls" -> workbook(new HSSFWorkbook(), "return.xls");
            case "csv-utf8-bom" -> csv("return-utf8.csv", StandardCharsets.UTF_8, true);
            default -> csv("return-gbk.csv", Charset.forName("GBK"), false);
        };
        SheetContents sheet = SheetContents.readOnlySheet(file);
        assertThat(describe(sheet.rows())).isEqualTo(expected());
    }

    /** Row number and texts of each non-blank row, trailing blank cells left out. */
    private static List<String> describe(List<RawRow> rows) {
        return rows.stream().filter(row -> !row.isBlank()).map(row -> {
            List<String> texts = new ArrayList<>(row.cells().stream().map(CellValue::text).toList());
            while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
                texts.remove(texts.size() - 1);
            }
            return row.rowNumber() + ": " + String.join(" | ", texts);
        }).toList();
    }

    private static List<String> expected() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < RETURN.size(); i++) {
            List<String> texts = new ArrayList<>(RETURN.get(i).stream().map(Typed::text).toList());
            while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
                texts.remove(texts.size() - 1);
            }
            if (!texts.isEmpty()) {
                expected.add((i + 1) + ": " + String.join(" | ", texts));
            }
        }
        return expected;
    }

    private Path workbook(Workbook workbook, String name) throws Exception {
        Path file = dir.resolve(name);
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = workbook.createSheet("Sheet1");
            for (int r = 0; r < RETURN.size(); r++) {
                if (RETURN.get(r).isEmpty()) {
                    continue;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < RETURN.get(r).size(); c++) {
                    Typed typed = RETURN.get(r).get(c);
                    if (typed.text().isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (typed.number() != null) {
                        cell.setCellValue(typed.number());
                    } else if (typed.date() != null) {
                        cell.setCellValue(typed.date());
                        cell.setCellStyle(dateStyle);
                    } else {
                        cell.setCellValue(typed.text());
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    private Path csv(String name, Charset charset, boolean bom) throws Exception {
        String text = RETURN.stream().map(row -> row.stream().map(Typed::text).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        Path file = dir.resolve(name);
        byte[] body = text.getBytes(charset);
        byte[] bytes = bom ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body) : body;
        Files.write(file, bytes);
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}

package org.ruralstat.feedback;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstat.read.LayoutDetector;
import org.ruralstat.read.RepositoryLayouts;
import org.ruralstat.validate.Finding;
import org.ruralstat.validate.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy of the return in a feedback workbook: whole for a short return, head and flagged rows for a long one. */
class FeedbackWorkbookWriterTests {

    private static FeedbackWorkbookWriter writer;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadDefinitions() throws IOException {
        writer = new FeedbackWorkbookWriter(RepositoryLayouts.detector());
    }

    @Test
    void copiesEveryRowOfAShortReturn() throws Exception {
        Sheet copy = write(200, 150).getSheet("原表-收入");

        assertThat(copy.getRow(0).getCell(0).getStringCellValue()).isEqualTo("地区");
        assertThat(presentRows(copy)).hasSize(201);
        assertThat(flagged(copy.getRow(150))).isTrue();
        assertThat(flagged(copy.getRow(100))).isFalse();
    }

    @Test
    void copiesOnlyTheHeadAndTheFlaggedRowsOfALongReturn() throws Exception {
        int rows = FeedbackWorkbookWriter.FULL_COPY_ROWS + 500;
        Workbook workbook = write(rows, rows - 10);
        Sheet copy = workbook.getSheet("原表-收入");

        assertThat(copy.getRow(0).getCell(0).getStringCellValue()).isEqualTo("地区");
        assertThat(presentRows(copy)).hasSize(LayoutDetector.HEAD_ROWS + 1);
        assertThat(copy.getRow(rows - 10).getCell(2).getStringCellValue()).isEqualTo("abc");
        assertThat(flagged(copy.getRow(rows - 10))).isTrue();
        assertThat(copy.getRow(5_000)).isNull();
        assertThat(workbook.getSheet("回执").getRow(14).getCell(1).getStringCellValue()).contains("只复制表头和有问题的行");
    }

    /** The streaming xlsx reader passes over the unflagged rows of a long return unread, and stops after the last flagged one. */
    @Test
    void copiesTheFlaggedRowsOfALongWorkbookAtTheirOwnNumbers() throws Exception {
        int rows = FeedbackWorkbookWriter.FULL_COPY_ROWS + 500;
        Path source = Files.createDirectories(temp.resolve("222402")).resolve("收入.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); java.io.OutputStream out = Files.newOutputStream(source)) {
            Sheet sheet = workbook.createSheet("收入");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("地区");
            header.createCell(1).setCellValue("年度");
            header.createCell(2).setCellValue("农村居民人均可支配收入（元）");
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("图们市");
                row.createCell(1).setCellValue(2021);
                row.createCell(2).setCellValue(i == 600 || i == 1_200 ? "abc" : Integer.toString(15_000 + i));
            }
            workbook.write(out);
        }
        List<Finding> findings = java.util.stream.Stream.of(601, 1_201).map(row -> new Finding("收入", row,
                "农村居民人均可支配收入（元）", "C" + row, "abc", "ROW-002", Severity.ERROR, "不是数字", "not a number")).toList();
        SubmissionReceipt receipt = new SubmissionReceipt(1, "222402", "收入.xlsx", "222402/收入.xlsx", null, "income", "2021",
                "loaded", null, rows, rows - 2, 2, 0);
        Path target = temp.resolve("回执.xlsx");
        writer.write(receipt, SubmissionFindings.of(findings), source, target);

        try (InputStream in = Files.newInputStream(target); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet copy = workbook.getSheet("原表-收入");
            List<Integer> heads = java.util.stream.IntStream.range(0, LayoutDetector.HEAD_ROWS).boxed().toList();
            List<Integer> expected = new ArrayList<>(heads);
            expected.addAll(List.of(600, 1_200));
            assertThat(presentRows(copy)).containsExactlyElementsOf(expected);
            assertThat(copy.getRow(600).getCell(2).getStringCellValue()).isEqualTo("abc");
            assertThat(copy.getRow(1_200).getCell(0).getStringCellValue()).isEqualTo("图们市");
            assertThat(flagged(copy.getRow(1_200))).isTrue();
            // a number of the return goes back as the number, not the text "2021.0"
            assertThat(copy.getRow(1_200).getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(copy.getRow(1_200).getCell(1).getNumericCellValue()).isEqualTo(2021.0);
        }
    }

    @Test
    void stopsCopyingAReturnWrongOnEveryRowAfterTheCap() throws Exception {
        int rows = FeedbackWorkbookWriter.MAX_COPIED_ROWS + 2_000;
        Sheet copy = write(rows, java.util.stream.IntStream.rangeClosed(1, rows).boxed().toList()).getSheet("原表-收入");

        List<Integer> present = presentRows(copy);
        assertThat(present).hasSize(FeedbackWorkbookWriter.MAX_COPIED_ROWS + 1);
        int last = present.get(present.size() - 1);
        assertThat(copy.getRow(last).getCell(0).getStringCellValue()).contains("以下各行未再复制");
        assertThat(copy.getRow(last - 1).getCell(2).getCellStyle().getFillPattern())
                .as("the last row copied is highlighted").isNotEqualTo(org.apache.poi.ss.usermodel.FillPatternType.NO_FILL);
        assertThat(last).isLessThan(rows);
    }

    /** A return of {@code rows} data rows with one bad value at data row {@code bad}, and its feedback workbook. */
    private Workbook write(int rows, int bad) throws Exception {
        return write(rows, List.of(bad));
    }

    /** A return of {@code rows} data rows with a bad value at each of the data rows {@code bad}, and its workbook. */
    private Workbook write(int rows, List<Integer> bad) throws Exception {
        java.util.Set<Integer> wrong = new java.util.HashSet<>(bad);
        List<String> lines = new ArrayList<>();
        lines.add("地区,年度,农村居民人均可支配收入（元）");
        for (int i = 1; i <= rows; i++) {
            lines.add("图们市,2021," + (wrong.contains(i) ? "abc" : Integer.toString(15000 + i)));
        }
        Path source = Files.createDirectories(temp.resolve("222402")).resolve("收入.csv");
        Files.write(source, lines, StandardCharsets.UTF_8);
        List<Finding> findings = bad.stream().sorted().map(row -> new Finding("收入", row + 1, "农村居民人均可支配收入（元）",
                "C" + (row + 1), "abc", "ROW-002", Severity.ERROR, "不是数字", "not a number")).toList();
        SubmissionReceipt receipt = new SubmissionReceipt(1, "222402", "收入.csv", "222402/收入.csv", null, "income", "2021",
                "loaded", null, rows, rows - bad.size(), bad.size(), 0);
        Path target = temp.resolve("回执.xlsx");
        writer.write(receipt, SubmissionFindings.of(findings), source, target);
        try (InputStream in = Files.newInputStream(target)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<Integer> presentRows(Sheet sheet) {
        List<Integer> present = new ArrayList<>();
        for (Row row : sheet) {
            present.add(row.getRowNum());
        }
        return present;
    }

    private static boolean flagged(Row row) {
        for (Cell cell : row) {
            if (cell.getCellComment() != null) {
                return true;
            }
        }
        return false;
    }
}

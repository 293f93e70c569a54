package org.ruralstat.bench;

import java.io.File;
import java.io.IOException;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a workbook the way the Spring Batch Excel extension's {@code PoiItemReader} does: the whole
 * workbook into POI's user model ({@code WorkbookFactory.create}, an XSSFWorkbook for xlsx), then every
 * row of every sheet, every cell formatted as text by a {@code DataFormatter} with a formula evaluator
 * (as its {@code PoiSheet} does). Opened read-only from the file, which is the cheapest way POI offers.
 * Run in a child JVM of its own, because it needs a heap many times the file's size. With a second argument
 * {@code n} it reads the workbook {@code n} times in that JVM (the first pass cold, the later ones with POI's
 * code compiled); prints {@code rows=<n> chars=<c> seconds=<s>} for each pass.
 */
public final class PoiUserModelRead {

    private PoiUserModelRead() {
    }

    public static void main(String[] args) throws IOException {
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int i = 0; i < passes; i++) {
            read(new File(args[0]));
        }
    }

    private static void read(File file) throws IOException {
        long start = System.nanoTime();
        long rows = 0;
        long chars = 0;
        try (Workbook wb = WorkbookFactory.create(file, null, true)) {
            DataFormatter formatter = new DataFormatter();
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        chars += formatter.formatCellValue(cell, evaluator).length();
                    }
                    rows++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("rows=%d chars=%d seconds=%.3f%n", rows, chars, seconds);
    }
}

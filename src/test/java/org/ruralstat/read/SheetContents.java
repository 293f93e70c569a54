package org.ruralstat.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A sheet read to its end through {@link SpreadsheetFiles}, for tests that look at what a reader hands on. */
record SheetContents(String name, List<RawRow> rows) {

    static List<SheetContents> readAll(Path file) throws IOException, UnreadableFileException {
        List<SheetContents> sheets = new ArrayList<>();
        try (SpreadsheetFile spreadsheet = SpreadsheetFiles.open(file)) {
            for (SheetCursor cursor = spreadsheet.nextSheet(); cursor != null; cursor = spreadsheet.nextSheet()) {
                try (SheetCursor sheet = cursor) {
                    List<RawRow> rows = new ArrayList<>();
                    for (RawRow row = sheet.next(); row != null; row = sheet.next()) {
                        rows.add(row);
                    }
                    sheets.add(new SheetContents(sheet.sheetName(), rows));
                }
            }
        }
        return sheets;
    }

    static SheetContents readOnlySheet(Path file) throws IOException, UnreadableFileException {
        List<SheetContents> sheets = readAll(file);
        if (sheets.size() != 1) {
            throw new AssertionError(file + " has " + sheets.size() + " sheets, expected one");
        }
        return sheets.get(0);
    }

    /** The rule a file is rejected with, whether the reader refuses it at open or while reading its rows. */
    static UnreadableFileException rejectionOf(Path file) {
        try {
            readAll(file);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return Failures.classify(e);
        }
        throw new AssertionError(file + " was read without complaint");
    }

    RawRow row(int rowNumber) {
        return rows.stream().filter(r -> r.rowNumber() == rowNumber).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + rowNumber + " in sheet " + name));
    }

    List<String> texts(int rowNumber) {
        return row(rowNumber).cells().stream().map(CellValue::text).toList();
    }

    List<Integer> rowNumbers() {
        return rows.stream().map(RawRow::rowNumber).toList();
    }
}

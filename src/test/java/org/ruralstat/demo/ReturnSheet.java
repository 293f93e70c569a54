package org.ruralstat.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One sheet of a return as a bureau lays it out: an optional title row merged across the columns, one or
 * two header rows, the data rows (a 合计 row is just another row) and optional footer lines.
 *
 * <p>Cell values are {@link String} (written as text cells), {@link Number}, {@link LocalDate} (a real
 * date cell, {@code yyyy-mm-dd}), {@link ExcelDate} (a date cell with its own display format) or
 * {@code null} (an empty cell).
 */
final class ReturnSheet {

    /** A real Excel date cell shown with the given Excel number format, e.g. {@code yyyy"年"m"月"}. */
    record ExcelDate(LocalDate date, String format) {
    }

    /** One column of a table built from domain records. */
    record Column<T>(String header, Function<T, Object> value) {
    }

    static <T> Column<T> col(String header, Function<T, Object> value) {
        return new Column<>(header, value);
    }

    private final String name;
    private String title;
    private final List<List<String>> headerRows = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();
    private final List<String> footer = new ArrayList<>();

    private ReturnSheet(String name) {
        this.name = name;
    }

    static ReturnSheet named(String sheetName) {
        return new ReturnSheet(sheetName);
    }

    /** A sheet with one header row and one data row per item. */
    static <T> ReturnSheet of(String sheetName, List<Column<T>> columns, List<T> items) {
        ReturnSheet sheet = named(sheetName).header(columns.stream().map(Column::header).toArray(String[]::new));
        for (T item : items) {
            sheet.row(columns.stream().map(c -> c.value().apply(item)).toArray());
        }
        return sheet;
    }

    ReturnSheet title(String text) {
        this.title = text;
        return this;
    }

    ReturnSheet header(String... cells) {
        headerRows.add(Arrays.asList(cells));
        return this;
    }

    /**
     * A two-row header. A {@code null} in the bottom row merges the top cell down over both rows; a
     * {@code null} in the top row continues the group to its left (merged across), whose sub-headers are
     * in the bottom row.
     */
    ReturnSheet twoRowHeader(List<String> top, List<String> bottom) {
        headerRows.add(top);
        headerRows.add(bottom);
        return this;
    }

    ReturnSheet row(Object... cells) {
        rows.add(Arrays.asList(cells));
        return this;
    }

    ReturnSheet rows(List<List<Object>> more) {
        rows.addAll(more);
        return this;
    }

    ReturnSheet footer(String... lines) {
        footer.addAll(Arrays.asList(lines));
        return this;
    }

    String name() {
        return name;
    }

    String title() {
        return title;
    }

    List<List<String>> headerRows() {
        return headerRows;
    }

    List<List<Object>> rows() {
        return rows;
    }

    List<String> footer() {
        return footer;
    }

    int columnCount() {
        return headerRows.get(headerRows.size() - 1).size();
    }
}

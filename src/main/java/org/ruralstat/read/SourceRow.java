package org.ruralstat.read;

/**
 * What the reader hands on: a data row of a sheet with the layout that gives it meaning, or a problem
 * with the sheet or the whole file, which travels as data to the ledger like any rejected row.
 */
public record SourceRow(SheetLayout layout, RawRow row, FileProblem problem, Kind kind) {

    /** What a source row is: data, a total (合计) or subtotal (小计) row, or a problem with the file. */
    public enum Kind { DATA, TOTAL, SUBTOTAL, PROBLEM }

    public SourceRow {
        if ((row == null) == (problem == null)) {
            throw new IllegalArgumentException("a source row is either a data row or a problem with the file");
        }
        if (row != null && layout == null) {
            throw new IllegalArgumentException("a data row needs its layout");
        }
    }

    public static SourceRow of(SheetLayout layout, RawRow row) {
        return new SourceRow(layout, row, null, Kind.DATA);
    }

    public static SourceRow total(SheetLayout layout, RawRow row, boolean subtotal) {
        return new SourceRow(layout, row, null, subtotal ? Kind.SUBTOTAL : Kind.TOTAL);
    }

    public static SourceRow problem(FileProblem problem) {
        return new SourceRow(null, null, problem, Kind.PROBLEM);
    }

    public boolean isTotal() {
        return kind == Kind.TOTAL || kind == Kind.SUBTOTAL;
    }

    public boolean isProblem() {
        return problem != null;
    }
}

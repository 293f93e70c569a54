package org.ruralstat.read;

/**
 * What the reader hands on: a data row of a sheet with the layout that gives it meaning, or a problem
 * with the sheet or the whole file, which travels as data to the ledger like any rejected row.
 */
public record SourceRow(SheetLayout layout, RawRow row, FileProblem problem, Kind kind) {

    /** What a source row is: data, a total (合计) or subtotal (小计) row, or a problem with the file. */
    public enum Kind { DATA, TOTAL, SUBTOTAL, PROBLEM, LAYOUT, JUSTIFICATION }

    public SourceRow {
        if (kind != Kind.LAYOUT && (row == null) == (problem == null)) {
            throw new IllegalArgumentException("a source row is either a data row or a problem with the file");
        }
        if (row != null && layout == null && kind != Kind.JUSTIFICATION) {
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

    /** The layout of a sheet, handed on once before its rows, so that its column headers can be kept. */
    public static SourceRow layout(SheetLayout layout) {
        if (layout == null) {
            throw new IllegalArgumentException("a layout row needs its layout");
        }
        return new SourceRow(layout, null, null, Kind.LAYOUT);
    }

    /**
     * A justified line of a returned 回执's 问题清单, its cells in {@link ReceiptSheet}'s order; it has no layout of
     * a subject.
     */
    public static SourceRow justification(RawRow line) {
        return new SourceRow(null, line, null, Kind.JUSTIFICATION);
    }

    public boolean isJustification() {
        return kind == Kind.JUSTIFICATION;
    }

    public boolean isLayout() {
        return kind == Kind.LAYOUT;
    }

    public boolean isTotal() {
        return kind == Kind.TOTAL || kind == Kind.SUBTOTAL;
    }

    public boolean isProblem() {
        return problem != null;
    }
}

package org.ruralstat.read;

import org.ruralstat.validate.Finding;

/**
 * What the reader hands on: a data row of a sheet with the layout that gives it meaning, or a problem
 * with the sheet or the whole file, which travels as data to the ledger like any rejected row.
 */
public record SourceRow(SheetLayout layout, RawRow row, Finding fileFinding) {

    public SourceRow {
        if ((row == null) == (fileFinding == null)) {
            throw new IllegalArgumentException("a source row is either a data row or a file-level finding");
        }
        if (row != null && layout == null) {
            throw new IllegalArgumentException("a data row needs its layout");
        }
    }

    public static SourceRow of(SheetLayout layout, RawRow row) {
        return new SourceRow(layout, row, null);
    }

    public static SourceRow problem(Finding finding) {
        return new SourceRow(null, null, finding);
    }

    public boolean isProblem() {
        return fileFinding != null;
    }
}

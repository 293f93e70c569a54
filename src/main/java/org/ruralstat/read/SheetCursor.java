package org.ruralstat.read;

import java.io.IOException;
import java.util.function.IntPredicate;

/** Rows of one sheet, read one at a time and in order, so a sheet of any size streams. */
public interface SheetCursor extends AutoCloseable {

    /**
     * The sheet's name (a CSV has one sheet named after its file), with ID and mobile numbers masked: it is stored with
     * every fact and finding, and a bureau may name a sheet or a file after a person.
     */
    String sheetName();

    /** The next non-empty row, or null at the end of the sheet. */
    RawRow next() throws IOException;

    /**
     * The next non-empty row whose number {@code wanted} accepts, or null at the end of the sheet. A format that can
     * tell a row's number before reading its cells skips the others unread, so a pass that needs a few rows of a large
     * sheet (the feedback copy) does not pay for all of them.
     */
    default RawRow next(IntPredicate wanted) throws IOException {
        RawRow row = next();
        while (row != null && !wanted.test(row.rowNumber())) {
            row = next();
        }
        return row;
    }

    @Override
    void close() throws IOException;
}

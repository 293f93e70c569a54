package org.ruralstat.read;

import java.io.IOException;

/** Rows of one sheet, read one at a time and in order, so a sheet of any size streams. */
public interface SheetCursor extends AutoCloseable {

    /** The sheet's name (a CSV has one sheet named after its file). */
    String sheetName();

    /** The next non-empty row, or null at the end of the sheet. */
    RawRow next() throws IOException;

    @Override
    void close() throws IOException;
}

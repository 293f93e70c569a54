package org.ruralstat.read;

import java.io.IOException;

/** An open workbook or CSV whose sheets are read one after the other. */
public interface SpreadsheetFile extends AutoCloseable {

    FileFormat format();

    /** The next sheet, or null when every sheet has been handed out. */
    SheetCursor nextSheet() throws IOException;

    /** True when the workbook counts date serials from 1904 (Mac Excel), so plain serials convert correctly. */
    default boolean date1904() {
        return false;
    }

    /** Share of the file's bytes consumed so far, between 0 and 1, for progress; -1 when unknown. */
    default double progress() {
        return -1;
    }

    @Override
    void close() throws IOException;
}

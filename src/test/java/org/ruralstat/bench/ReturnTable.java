package org.ruralstat.bench;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * One sheet of a generated return, streamed: an optional title row, one header row or a two-row merged
 * header, data rows produced on demand (never all in memory), an optional 合计 row known only after the
 * last data row, and footer lines.
 *
 * <p>Cells are {@link String} (text cells), {@link Number}, {@link DateCell} (a real date cell with an
 * Excel display format) or {@code null} (an empty cell). CSV returns use text for dates.
 *
 * @param subHeader the second header row, or null: a null cell below a header merges it down over both
 *                  rows, a null header above sub-headers continues the group to its left
 * @param total     the 合计 row, asked for after the last data row, or null for none
 */
record ReturnTable(String sheetName, String title, List<String> header, List<String> subHeader,
                   Iterator<List<Object>> rows, Supplier<List<Object>> total, List<String> footer) {

    /** A real Excel date cell shown with the given number format, e.g. {@code yyyy"年"m"月"}. */
    record DateCell(LocalDate date, String format) {
    }

    int columnCount() {
        return header.size();
    }
}

package org.ruralstat.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Collects cells by column index, filling the gaps with blanks and refusing absurd widths. */
final class RowBuilder {

    private final List<CellValue> cells = new ArrayList<>();

    void set(int column, CellValue cell) throws IOException {
        if (column < 0 || column >= CellLimits.MAX_COLUMNS) {
            throw new CellLimits.BeyondLimitsException("column " + column + " is beyond Excel's last column");
        }
        if (cell.isBlank()) {
            return;
        }
        while (cells.size() <= column) {
            cells.add(CellValue.BLANK);
        }
        cells.set(column, cell);
    }

    List<CellValue> cells() {
        return cells;
    }
}

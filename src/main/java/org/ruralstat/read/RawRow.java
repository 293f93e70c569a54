package org.ruralstat.read;

import java.util.List;

/**
 * One row of a sheet as read, before any meaning is given to it.
 *
 * @param rowNumber the 1-based row number a spreadsheet shows (a CSV's first line is row 1)
 * @param cells     the cells by 0-based column; shorter rows simply end early
 */
public record RawRow(int rowNumber, List<CellValue> cells) {

    public RawRow {
        if (rowNumber < 1) {
            throw new IllegalArgumentException("row numbers start at 1");
        }
        cells = List.copyOf(cells);
    }

    public CellValue cell(int column) {
        return column < cells.size() ? cells.get(column) : CellValue.BLANK;
    }

    public String text(int column) {
        return cell(column).text();
    }

    public boolean isBlank() {
        for (CellValue cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    public long filledCells() {
        return cells.stream().filter(c -> !c.isBlank()).count();
    }
}

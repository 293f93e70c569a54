package org.ruralstat.read;

import java.io.IOException;

/** Excel's own limits, enforced on every reader so a hostile file cannot blow up memory or time. */
final class CellLimits {

    /** Excel refuses longer cells; anything longer was not typed by a bureau. */
    static final int MAX_CELL_CHARS = 32_767;
    /** Excel's last column is XFD. */
    static final int MAX_COLUMNS = 16_384;

    private CellLimits() {
    }

    static CellValue checked(CellValue cell) throws CellTooLongException {
        if (cell.text().length() > MAX_CELL_CHARS) {
            throw new CellTooLongException(cell.text().length());
        }
        return cell;
    }

    /** A cell outside the sheet Excel allows. */
    static final class BeyondLimitsException extends IOException {
        BeyondLimitsException(String message) {
            super(message);
        }
    }

    /** A cell longer than Excel allows. */
    static final class CellTooLongException extends IOException {
        CellTooLongException(int length) {
            super("a cell of " + length + " characters, more than Excel's " + MAX_CELL_CHARS);
        }
    }
}

package org.ruralstat.normalize;

import java.math.BigDecimal;

/**
 * A number read from a cell, with the unit text written after it (`1.37万人` gives 1.37 and `万人`).
 *
 * @param value   the number as written, before any unit conversion; null when the cell is empty
 * @param unit    the unit text that followed the number, empty when none
 * @param percent true when the number was written with a percent sign and has been divided by 100
 */
public record ParsedNumber(BigDecimal value, String unit, boolean percent) {

    public static final ParsedNumber EMPTY = new ParsedNumber(null, "", false);

    public ParsedNumber {
        unit = unit == null ? "" : unit;
    }

    public boolean isEmpty() {
        return value == null;
    }
}

package org.ruralstat.read;

/**
 * One cell as the file holds it. Numbers keep the text the file stores (never a double's rendering), so
 * codes stay codes; dates from date-formatted numeric cells arrive as ISO text.
 *
 * @param text the cell's content as text; empty for a blank cell
 * @param kind how the file typed the cell
 */
public record CellValue(String text, Kind kind) {

    /** How the source file typed a cell. */
    public enum Kind { BLANK, TEXT, NUMBER, DATE, BOOLEAN, ERROR }

    public static final CellValue BLANK = new CellValue("", Kind.BLANK);

    public CellValue {
        text = text == null ? "" : text;
        kind = kind == null ? Kind.TEXT : kind;
    }

    public static CellValue text(String text) {
        return text == null || text.isEmpty() ? BLANK : new CellValue(text, Kind.TEXT);
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}

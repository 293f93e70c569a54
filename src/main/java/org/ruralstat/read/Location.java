package org.ruralstat.read;

/**
 * Where something in a return is: a sheet, a row, a column and its cell, down to the value written there.
 *
 * @param sheet     sheet name, or null for the whole file
 * @param rowNumber 1-based row, or null for a sheet- or file-level place
 * @param column    the header as written, or null
 * @param cellRef   A1-style reference, or null
 * @param rawValue  the value as written, already masked if personal
 */
public record Location(String sheet, Integer rowNumber, String column, String cellRef, String rawValue) {

    public static final Location FILE = new Location(null, null, null, null, null);

    public static Location sheet(String sheet) {
        return new Location(sheet, null, null, null, null);
    }
}

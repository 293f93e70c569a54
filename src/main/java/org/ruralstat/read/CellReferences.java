package org.ruralstat.read;

/** A1-style references: column letters to index and back. */
public final class CellReferences {

    private CellReferences() {
    }

    /** The 0-based column of a reference such as "C5" or "AB12". */
    public static int columnIndex(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
        }
        return column - 1;
    }

    /** The letters of a 0-based column: 0 is A, 27 is AB. */
    public static String columnLetters(int column) {
        StringBuilder letters = new StringBuilder();
        int n = column + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            letters.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return letters.toString();
    }

    /** An A1 reference from a 0-based column and a 1-based row. */
    public static String of(int column, int rowNumber) {
        return columnLetters(column) + rowNumber;
    }
}

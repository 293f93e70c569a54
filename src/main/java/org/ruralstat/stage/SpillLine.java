package org.ruralstat.stage;

/**
 * One row of a staging table as the line its {@link SpillFile} holds, rendered on any thread and complete but for
 * the submission id, which the file writes between {@code head} and {@code tail}. Rendering converts every value
 * first, so a value the table cannot take fails the render and no half line exists.
 */
public final class SpillLine {

    private final String table;
    private final byte[] head;
    private final byte[] tail;
    private final int chars;

    SpillLine(String table, byte[] head, byte[] tail, int chars) {
        this.table = table;
        this.head = head;
        this.tail = tail;
        this.chars = chars;
    }

    /** The staging table the line is a row of. */
    public String table() {
        return table;
    }

    /** UTF-8 bytes before the submission id (all of the line when the table has no such column). */
    byte[] head() {
        return head;
    }

    /** UTF-8 bytes after the submission id, the line break included. */
    byte[] tail() {
        return tail;
    }

    /** Characters of the line without the submission id and the line break. */
    int chars() {
        return chars;
    }
}

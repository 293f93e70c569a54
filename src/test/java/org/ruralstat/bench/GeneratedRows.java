package org.ruralstat.bench;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/** The rows of a return made one at a time, in order, from the row index. */
final class GeneratedRows implements Iterator<List<Object>> {

    private final int count;
    private final IntFunction<List<Object>> row;
    private int next;

    GeneratedRows(int count, IntFunction<List<Object>> row) {
        this.count = count;
        this.row = row;
    }

    /** One row in fifty is deliberately wrong (rows 17, 67, 117, …); {@code kind} says which mistake. */
    static boolean isInvalid(int index) {
        return index % 50 == 17;
    }

    /** Which of three mistakes an invalid row carries. */
    static int kind(int index) {
        return index / 50 % 3;
    }

    /** How many of the first {@code count} rows are deliberately wrong. */
    static long invalidAmong(int count) {
        return count <= 17 ? 0 : (count - 18) / 50 + 1;
    }

    @Override
    public boolean hasNext() {
        return next < count;
    }

    @Override
    public List<Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return row.apply(next++);
    }
}

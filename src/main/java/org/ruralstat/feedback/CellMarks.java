package org.ruralstat.feedback;

import org.ruralstat.read.CellReferences;
import org.ruralstat.validate.Finding;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The cells of one sheet that findings point at, packed eight bytes a finding, with the comment text of the first
 * {@link #MAX_COMMENTED_CELLS} of them: the copy of a sheet with a finding in every row highlights them all but
 * comments only so many, since each comment is a drawing POI keeps in memory until the workbook is written.
 */
final class CellMarks {

    /** Cells beyond this many are highlighted without a comment (the 问题清单 still lists their findings). */
    static final int MAX_COMMENTED_CELLS = 1_000;

    private long[] marks = new long[16];
    private int size;
    private boolean sorted = true;
    private final Map<Long, StringBuilder> comments = new HashMap<>();
    private final CommentBudget budget;

    CellMarks(CommentBudget budget) {
        this.budget = budget;
    }

    /** A finding of the sheet with a row; without a cell it marks the row's first cell without widening the row. */
    void add(Finding finding) {
        int row = finding.rowNumber();
        boolean hasCell = finding.cellRef() != null;
        int column = hasCell ? CellReferences.columnIndex(finding.cellRef()) : 0;
        long cell = cell(row, column);
        long mark = cell << 2 | (hasCell ? 2 : 0) | (finding.isError() ? 1 : 0);
        if (size == marks.length) {
            marks = Arrays.copyOf(marks, size * 2);
        }
        if (size > 0 && marks[size - 1] > mark) {
            sorted = false;
        }
        marks[size++] = mark;
        StringBuilder comment = comments.get(cell);
        if (comment == null && budget.take()) {
            comment = new StringBuilder();
            comments.put(cell, comment);
        } else if (comment != null) {
            comment.append('\n');
        }
        if (comment != null) {
            comment.append(finding.rule()).append(' ').append(finding.messageZh()).append('\n').append(finding.messageEn());
        }
    }

    boolean hasRow(int row) {
        int at = firstAt(cell(row, 0));
        return at < size && marks[at] >> 2 >>> 16 == row;
    }

    /** The last row a finding points at, or 0 when there is none. */
    int lastRow() {
        if (size == 0) {
            return 0;
        }
        firstAt(0);
        return (int) (marks[size - 1] >> 2 >>> 16);
    }

    /** One past the last column a finding with a cell points at in the row, or 0. */
    int width(int row) {
        int width = 0;
        for (int at = firstAt(cell(row, 0)); at < size && marks[at] >> 2 >>> 16 == row; at++) {
            if ((marks[at] & 2) != 0) {
                width = Math.max(width, (int) (marks[at] >> 2 & 0xFFFF) + 1);
            }
        }
        return width;
    }

    /** Whether findings point at the cell: null when none, else true when one of them is an error. */
    Boolean error(int row, int column) {
        Boolean error = null;
        for (int at = firstAt(cell(row, column)); at < size && marks[at] >> 2 == cell(row, column); at++) {
            error = (error != null && error) || (marks[at] & 1) != 0;
        }
        return error;
    }

    /** The comment of the cell: each finding's rule and messages; null when the cell has none. */
    String comment(int row, int column) {
        StringBuilder comment = comments.get(cell(row, column));
        return comment == null ? null : comment.toString();
    }

    private int firstAt(long cell) {
        if (!sorted) {
            Arrays.sort(marks, 0, size);
            sorted = true;
        }
        int low = 0;
        int high = size;
        long first = cell << 2;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (marks[middle] < first) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static long cell(int row, int column) {
        return (long) row << 16 | column;
    }

    /** How many more cells of a workbook may get a comment. */
    static final class CommentBudget {
        private int left = MAX_COMMENTED_CELLS;

        boolean take() {
            return left-- > 0;
        }
    }
}

package org.ruralstat.feedback;

import org.junit.jupiter.api.Test;
import org.ruralstat.validate.Finding;
import org.ruralstat.validate.Severity;

import static org.assertj.core.api.Assertions.assertThat;

class CellMarksTests {

    private static Finding finding(int row, String cell, Severity severity, String rule) {
        return new Finding("Sheet1", row, "列", cell, "x", rule, severity, "中文" + rule, "english " + rule);
    }

    @Test
    void marksTheCellsFindingsPointAtInAnyOrder() {
        CellMarks marks = new CellMarks(new CellMarks.CommentBudget());
        marks.add(finding(9, "C9", Severity.WARNING, "ROW-002"));
        marks.add(finding(5, "AB5", Severity.WARNING, "ROW-003"));
        marks.add(finding(5, "AB5", Severity.ERROR, "ROW-004"));
        marks.add(finding(7, null, Severity.ERROR, "ROW-013"));

        assertThat(marks.hasRow(5)).isTrue();
        assertThat(marks.hasRow(6)).isFalse();
        assertThat(marks.width(5)).isEqualTo(28);
        assertThat(marks.width(7)).isZero();
        assertThat(marks.error(5, 27)).isTrue();
        assertThat(marks.error(9, 2)).isFalse();
        assertThat(marks.error(9, 1)).isNull();
        assertThat(marks.error(7, 0)).isTrue();
        assertThat(marks.comment(5, 27)).isEqualTo("ROW-003 中文ROW-003\nenglish ROW-003\nROW-004 中文ROW-004\nenglish ROW-004");
        assertThat(marks.comment(9, 1)).isNull();
        assertThat(marks.lastRow()).isEqualTo(9);
        assertThat(new CellMarks(new CellMarks.CommentBudget()).lastRow()).isZero();
    }

    @Test
    void commentsOnlySoManyCellsOfAWorkbook() {
        CellMarks.CommentBudget budget = new CellMarks.CommentBudget();
        CellMarks one = new CellMarks(budget);
        CellMarks other = new CellMarks(budget);
        for (int row = 1; row <= CellMarks.MAX_COMMENTED_CELLS; row++) {
            one.add(finding(row, "A" + row, Severity.ERROR, "ROW-010"));
        }
        other.add(finding(1, "B1", Severity.ERROR, "ROW-010"));
        one.add(finding(1, "A1", Severity.WARNING, "ROW-011"));

        assertThat(one.comment(CellMarks.MAX_COMMENTED_CELLS, 0)).startsWith("ROW-010");
        assertThat(one.comment(1, 0)).contains("ROW-010", "ROW-011");
        assertThat(other.comment(1, 1)).isNull();
        assertThat(other.error(1, 1)).isTrue();
    }
}

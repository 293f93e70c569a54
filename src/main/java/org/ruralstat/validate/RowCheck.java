package org.ruralstat.validate;

import org.ruralstat.read.CellReferences;
import org.ruralstat.read.CellValue;
import org.ruralstat.read.Location;
import org.ruralstat.read.RawRow;
import org.ruralstat.read.SheetLayout;
import org.ruralstat.subject.HeaderBinding;
import org.ruralstat.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The findings of one row as they are found, each pinned to its cell. */
final class RowCheck {

    private final SheetLayout layout;
    private final RawRow row;
    private final RuleCatalog rules;
    private final List<Finding> findings = new ArrayList<>();
    /** Cleaned cell texts by column, filled as they are asked for: most cells are asked for more than once. */
    private final String[] texts;

    RowCheck(SheetLayout layout, RawRow row, RuleCatalog rules) {
        this.layout = layout;
        this.row = row;
        this.rules = rules;
        this.texts = new String[row.cells().size()];
    }

    SheetLayout layout() {
        return layout;
    }

    RawRow row() {
        return row;
    }

    CellValue cell(int column) {
        return row.cell(column);
    }

    /** The cell's text as {@link TextNormalizer#clean} gives it, cleaned once per row; "" beyond the row's end. */
    String text(int column) {
        if (column >= texts.length) {
            return "";
        }
        String text = texts[column];
        if (text == null) {
            text = TextNormalizer.clean(row.cell(column).text());
            texts[column] = text;
        }
        return text;
    }

    /** Records a finding at a column, showing the value as given (already masked when personal). */
    void add(String rule, int column, HeaderBinding binding, String shownValue, Map<String, String> params) {
        Location at = new Location(layout.sheetName(), row.rowNumber(), binding == null ? null : binding.header(),
                column < 0 ? null : CellReferences.of(column, row.rowNumber()), shortened(shownValue));
        findings.add(rules.finding(rule, at, params));
    }

    /** Records a finding about the whole row. */
    void addRow(String rule, Map<String, String> params) {
        findings.add(rules.finding(rule, new Location(layout.sheetName(), row.rowNumber(), null, null, null), params));
    }

    boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    List<Finding> findings() {
        return findings;
    }

    private static String shortened(String value) {
        if (value == null) {
            return null;
        }
        return value.length() > 200 ? value.substring(0, 200) + "…" : value;
    }
}

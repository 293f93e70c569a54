package org.ruralstat.read;

import org.ruralstat.subject.HeaderAliasMatcher;
import org.ruralstat.subject.HeaderBinding;
import org.ruralstat.subject.SubjectDefinition;
import org.ruralstat.text.Period;
import org.ruralstat.text.YearSpan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a sheet turned out to be: its subject, which column means what, where its header ends, and the
 * period and unit its title, sheet name or file name give when no column does.
 *
 * @param submitterCode  the 6-digit code of the drop folder the file came from
 * @param columns        bindings by 0-based column
 * @param lastHeaderRow  the 1-based row number of the last header row
 * @param period         the period from title, sheet name or file name; null when none
 * @param defaultUnit    a unit the title declares for the whole table (单位：万元), empty when none
 * @param date1904       whether the workbook counts dates from 1904
 * @param span           the years a title, sheet or file name says the return covers (`2020-2022年`), or null
 * @param unbound        the header cells that bind to no field, reported to the bureau, never loaded
 * @param fieldColumns   the column of each field, worked out from {@code columns} (whatever is given), so rows need
 *                       not search for them
 */
public record SheetLayout(String fileName, String submitterCode, String sheetName, HeaderAliasMatcher matcher,
                          Map<Integer, HeaderBinding> columns, int lastHeaderRow, Period period,
                          String defaultUnit, boolean date1904, YearSpan span, List<UnboundColumn> unbound,
                          Map<String, Integer> fieldColumns) {

    public SheetLayout {
        columns = Map.copyOf(columns);
        defaultUnit = defaultUnit == null ? "" : defaultUnit;
        unbound = unbound == null ? List.of() : List.copyOf(unbound);
        fieldColumns = fieldColumns(columns);
    }

    public SheetLayout(String fileName, String submitterCode, String sheetName, HeaderAliasMatcher matcher,
                       Map<Integer, HeaderBinding> columns, int lastHeaderRow, Period period, String defaultUnit,
                       boolean date1904, YearSpan span, List<UnboundColumn> unbound) {
        this(fileName, submitterCode, sheetName, matcher, columns, lastHeaderRow, period, defaultUnit, date1904, span,
                unbound, Map.of());
    }

    public SheetLayout(String fileName, String submitterCode, String sheetName, HeaderAliasMatcher matcher,
                       Map<Integer, HeaderBinding> columns, int lastHeaderRow, Period period, String defaultUnit,
                       boolean date1904) {
        this(fileName, submitterCode, sheetName, matcher, columns, lastHeaderRow, period, defaultUnit, date1904, null,
                List.of());
    }

    /**
     * True when every column holding values names its own year (`2021年`, a merged group header over year columns),
     * so rows need no period from a column, the title or the file name.
     */
    public boolean everyValueHasItsYear() {
        if (!subject().hasMeasures()) {
            return false;
        }
        String valueField = subject().measures().valueField();
        boolean any = false;
        for (HeaderBinding binding : columns.values()) {
            boolean holdsValues = !binding.previousYear()
                    && (binding.isIndicator() || binding.field().name().equals(valueField));
            if (holdsValues) {
                if (binding.period() == null) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    public SubjectDefinition subject() {
        return matcher.subject();
    }

    /** The column holding a field, if the sheet has it. */
    public Optional<Integer> columnOf(String fieldName) {
        return Optional.ofNullable(fieldColumns.get(fieldName));
    }

    /** The first column, in the order of {@code columns}, bound to each field. */
    private static Map<String, Integer> fieldColumns(Map<Integer, HeaderBinding> columns) {
        Map<String, Integer> byField = new HashMap<>();
        for (Map.Entry<Integer, HeaderBinding> column : columns.entrySet()) {
            if (!column.getValue().isIndicator()) {
                byField.putIfAbsent(column.getValue().field().name(), column.getKey());
            }
        }
        return Map.copyOf(byField);
    }

    /** True when indicators are columns (wide); false when rows name them (long) or the subject has none. */
    public boolean isWide() {
        return columns.values().stream().anyMatch(HeaderBinding::isIndicator);
    }
}

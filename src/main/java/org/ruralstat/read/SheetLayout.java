package org.ruralstat.read;

import org.ruralstat.normalize.Period;
import org.ruralstat.subject.HeaderAliasMatcher;
import org.ruralstat.subject.HeaderBinding;
import org.ruralstat.subject.SubjectDefinition;

import java.util.HashMap;
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
 * @param fieldColumns   the column of each field, worked out from {@code columns} (whatever is given), so rows need
 *                       not search for them
 */
public record SheetLayout(String fileName, String submitterCode, String sheetName, HeaderAliasMatcher matcher,
                          Map<Integer, HeaderBinding> columns, int lastHeaderRow, Period period,
                          String defaultUnit, boolean date1904, Map<String, Integer> fieldColumns) {

    public SheetLayout {
        columns = Map.copyOf(columns);
        defaultUnit = defaultUnit == null ? "" : defaultUnit;
        fieldColumns = fieldColumns(columns);
    }

    public SheetLayout(String fileName, String submitterCode, String sheetName, HeaderAliasMatcher matcher,
                       Map<Integer, HeaderBinding> columns, int lastHeaderRow, Period period, String defaultUnit,
                       boolean date1904) {
        this(fileName, submitterCode, sheetName, matcher, columns, lastHeaderRow, period, defaultUnit, date1904, Map.of());
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

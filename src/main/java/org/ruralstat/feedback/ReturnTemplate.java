package org.ruralstat.feedback;

import java.util.List;
import java.util.Map;

/**
 * What a return template holds: its title rows, columns, the rows already filled in (one per region for an
 * indicator return), the lists its drop-downs offer and the 填表说明 lines.
 *
 * @param blankRows rows prepared with the columns' checks below the pre-filled ones
 */
public record ReturnTemplate(String sheetName, String title, String subtitle, List<TemplateColumn> columns,
                             List<List<String>> rows, int blankRows, Map<String, List<String>> lists,
                             List<String> instructions) {

    public ReturnTemplate {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        // in the order given: the 代码表 sheet's columns, so the same template is the same bytes every time
        lists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lists));
        instructions = List.copyOf(instructions);
    }
}

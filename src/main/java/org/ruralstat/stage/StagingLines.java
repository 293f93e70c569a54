package org.ruralstat.stage;

import org.ruralstat.validate.Finding;
import org.ruralstat.validate.StagedRow;
import org.ruralstat.warehouse.Warehouse;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one source row puts in staging, rendered as the lines of the staging files: its facts, last year's figures its
 * 上年 columns state in {@code stg_prior}, the keys a rejected row reports in {@code stg_key}, its outcome in {@code stg_row}, the totals it states and its findings for
 * {@code etl_issue}, in that order.
 *
 * @param lines the lines in the order they are written
 */
public record StagingLines(List<SpillLine> lines) {

    public StagingLines {
        lines = List.copyOf(lines);
    }

    /** The lines of a validated row, in the columns of the warehouse's staging tables. */
    public static StagingLines of(StagedRow row, Warehouse warehouse) throws SQLException {
        List<SpillLine> lines = new ArrayList<>(row.facts().size() + row.findings().size() + 1);
        for (Map<String, Object> fact : row.facts()) {
            lines.add(SpillFile.line(warehouse.columns(row.table()), fact));
        }
        for (Map<String, Object> prior : row.priors()) {
            lines.add(SpillFile.line(warehouse.columns("stg_prior"), prior));
        }
        for (Map<String, Object> key : row.keys()) {
            lines.add(SpillFile.line(warehouse.columns("stg_key"), key));
        }
        if (row.isRow()) {
            Map<String, Object> staged = new HashMap<>();
            staged.put("sheet", row.sheet());
            staged.put("source_row", row.rowNumber());
            staged.put("outcome", row.outcome().code());
            staged.put("justification", row.justification());
            lines.add(SpillFile.line(warehouse.columns("stg_row"), staged));
        }
        for (Map<String, Object> total : row.totals()) {
            lines.add(SpillFile.line(warehouse.columns("stg_total"), total));
        }
        for (Finding finding : row.findings()) {
            lines.add(SpillFile.line(warehouse.columns("etl_issue"), issue(finding)));
        }
        return new StagingLines(lines);
    }

    private static Map<String, Object> issue(Finding finding) {
        Map<String, Object> values = new HashMap<>();
        values.put("sheet", finding.sheet());
        values.put("row_number", finding.rowNumber());
        values.put("column_name", finding.column());
        values.put("cell_ref", finding.cellRef());
        values.put("raw_value", finding.rawValue());
        values.put("rule", finding.rule());
        values.put("severity", finding.severity().code());
        values.put("message_zh", finding.messageZh());
        values.put("message_en", finding.messageEn());
        values.put("justification", null);
        return values;
    }
}

package org.ruralstat.validate;

import java.util.List;
import java.util.Map;

/**
 * A source row after normalization and validation: the facts it yields (none when it has an error), and
 * everything found on the way. A file-level finding travels as a StagedRow without a row.
 *
 * @param table     the staging table the facts go to, null for a file-level finding
 * @param sheet     the source sheet, null for a file-level finding
 * @param rowNumber the 1-based source row, null for a file-level finding
 * @param facts     target-column values of each fact the row yields (a wide row yields several)
 * @param totals    for a 合计/小计 row, the totals it states, to be checked against the rows it sums
 * @param total     true for a 合计/小计 row, which is not a data row
 * @param keys      for a rejected row, the keys it reports ({@code region_code}, {@code indicator_code}, {@code period}):
 *                  a new version covers them, so the previous version's values for them are retired all the same
 * @param priors    last year's figures a 上年 column states, to be checked against the published ones; never facts
 * @param justification the bureau's 说明 on the row (masked), explaining a value a warning questions; or null
 */
public record StagedRow(String table, String sheet, Integer rowNumber, List<Map<String, Object>> facts, List<Finding> findings,
                        List<Map<String, Object>> totals, boolean total, List<Map<String, Object>> keys,
                        List<Map<String, Object>> priors, String justification) {

    public StagedRow {
        facts = List.copyOf(facts);
        findings = List.copyOf(findings);
        totals = List.copyOf(totals);
        keys = List.copyOf(keys);
        priors = List.copyOf(priors);
        if (total && !facts.isEmpty()) {
            throw new IllegalArgumentException("a total row yields no facts");
        }
        if (findings.stream().anyMatch(Finding::isError) && !facts.isEmpty()) {
            throw new IllegalArgumentException("a row with an error yields no facts");
        }
    }

    public StagedRow(String table, String sheet, Integer rowNumber, List<Map<String, Object>> facts, List<Finding> findings,
                     List<Map<String, Object>> totals, boolean total) {
        this(table, sheet, rowNumber, facts, findings, totals, total, List.of(), List.of(), null);
    }

    public static StagedRow problem(Finding finding) {
        return new StagedRow(null, null, null, List.of(), List.of(finding), List.of(), false);
    }

    /** True for a data row, which counts in rows_read; false for totals and file-level findings. */
    public boolean isRow() {
        return rowNumber != null && !total;
    }

    /** What happens to the source row. */
    public RowOutcome outcome() {
        if (findings.stream().anyMatch(Finding::isError)) {
            return RowOutcome.REJECTED;
        }
        return findings.isEmpty() ? RowOutcome.LOADED : RowOutcome.WARNED;
    }
}
